import { randomUUID } from 'node:crypto';
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { topicEndOffset } from '../support/kafka';
import { apiToken, portOf, tokenBaseUrl } from './helpers/environment';
import { request, sendJson } from './helpers/http';
import { SAMPLE_TOPIC } from './helpers/records';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

// The instance global-setup.ts started with DAPR_API_TOKEN set to this token.
const token = apiToken();
const tap = useSampleTap();
let client: DaprClient | undefined;

afterAll(async () => {
  await client?.stop();
}, 60_000);

const bindingUrl = () => `${tokenBaseUrl()}/v1.0/bindings/checkout`;

describe('dapr-api-token check (DAPR_API_TOKEN set)', () => {
  it('answers a request without the header with 401 plain text "invalid api token", writing nothing', async () => {
    const before = await topicEndOffset(SAMPLE_TOPIC);
    const response = await sendJson(bindingUrl(), { operation: 'create', data: { orderId: randomUUID() } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.text.trimEnd()).toBe('invalid api token');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await topicEndOffset(SAMPLE_TOPIC)).toBe(before);
  });

  it('answers a wrong header with 401', async () => {
    const response = await sendJson(bindingUrl(), { operation: 'create', data: { orderId: 1 } }, 'POST', {
      'dapr-api-token': `${token}x`,
    });
    expect({ status: response.status, body: response.text.trimEnd() }).toEqual({
      status: 401,
      body: 'invalid api token',
    });
  });

  it('guards /v1.0/metadata and the 404 fallback too', async () => {
    expect((await request(`${tokenBaseUrl()}/v1.0/metadata`)).status).toBe(401);
    expect((await request(bindingUrl(), { method: 'GET' })).status).toBe(401);
  });

  it('accepts the right header: 204 and the record arrives', async () => {
    const orderId = randomUUID();
    const response = await sendJson(bindingUrl(), { operation: 'create', data: { orderId } }, 'POST', {
      'dapr-api-token': token,
    });
    expect({ status: response.status, body: response.text }).toEqual({ status: 204, body: '' });
    await tap().waitForValue(`{"orderId":"${orderId}"}`);
  });

  it('does not pass the token on as record metadata', async () => {
    const marker = randomUUID();
    const response = await sendJson(bindingUrl(), { operation: 'create', data: 1, metadata: { marker } }, 'POST', {
      'dapr-api-token': token,
    });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.headers).toEqual({ marker });
  });

  it('leaves GET /v1.0/healthz open: 204 without the header', async () => {
    const response = await request(`${tokenBaseUrl()}/v1.0/healthz`);
    expect(response.status).toBe(204);
  });

  it('works with the Dapr SDK given daprApiToken', async () => {
    client = new DaprClient({
      daprHost: '127.0.0.1',
      daprPort: portOf(tokenBaseUrl()),
      communicationProtocol: CommunicationProtocolEnum.HTTP,
      daprApiToken: token,
      logger: { level: LogLevel.Error },
    });
    const orderId = randomUUID();
    await expect(client.binding.send('checkout', 'create', { orderId })).resolves.toBe('');
    await tap().waitForValue(`{"orderId":"${orderId}"}`);
  });
});
