import { randomUUID } from 'node:crypto';
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { baseUrl, portOf } from './helpers/environment';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

const tap = useSampleTap();
let client: DaprClient | undefined;

beforeAll(() => {
  client = new DaprClient({
    daprHost: '127.0.0.1',
    daprPort: portOf(baseUrl()),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    logger: { level: LogLevel.Error },
  });
});

afterAll(async () => {
  await client?.stop();
}, 60_000);

describe('Dapr JS SDK client.binding.send', () => {
  it('starts: its sidecar probe GET /v1.0/metadata is satisfied', async () => {
    await expect(client!.start()).resolves.toBeUndefined();
  });

  it('sends the README call unchanged: send("checkout", "create", { orderId: 100 }) resolves and the record arrives', async () => {
    const result = await client!.binding.send('checkout', 'create', { orderId: 100 });
    // The SDK turns daprd's 204 into an empty string.
    expect(result).toBe('');
    const record = await tap().waitForValue('{"orderId":100}');
    expect(record.key).toBeNull();
    expect(record.headers).toEqual({});
  });

  it('passes metadata through: partitionKey becomes the key, every entry a header', async () => {
    const orderId = randomUUID();
    const metadata = { partitionKey: `k-${orderId}`, marker: orderId };
    await client!.binding.send('checkout', 'create', { orderId }, metadata);
    const record = await tap().waitForValue(`{"orderId":"${orderId}"}`);
    expect(record.key!.toString('utf8')).toBe(`k-${orderId}`);
    expect(record.headers).toEqual(metadata);
  });

  it('throws an error naming ERR_INVOKE_OUTPUT_BINDING for an unknown binding', async () => {
    const sent = client!.binding.send(`nope-${randomUUID()}`, 'create', { orderId: 100 });
    await expect(sent).rejects.toThrow(/ERR_INVOKE_OUTPUT_BINDING/);
    await expect(sent).rejects.toThrow(/couldn't find output binding nope-/);
  });
});
