import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { BindingsClient, BindingsInvokeError, DaprBindingError } from '../../src/client';
import { FUNCTION_NAME } from '../support/offline';
import { freePort } from '../support/processes';
import { lambdaEndpoint } from './helpers/environment';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

const tap = useSampleTap();
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const clients: BindingsClient[] = [];

/** A client of `functionName` at `endpoint` (default: serverless-offline's Lambda endpoint), destroyed after all. */
function clientOf(
  options: { functionName?: string; endpoint?: string; requestTimeoutMs?: number } = {},
): BindingsClient {
  const client = new BindingsClient({
    functionName: options.functionName ?? FUNCTION_NAME,
    clientConfig: {
      endpoint: options.endpoint ?? lambdaEndpoint(),
      region: 'us-east-1',
      credentials,
      ...(options.requestTimeoutMs === undefined
        ? {}
        : { maxAttempts: 1, requestHandler: { requestTimeout: options.requestTimeoutMs } }),
    },
  });
  clients.push(client);
  return client;
}

afterAll(() => {
  for (const client of clients) client.destroy();
});

/** The rejection of a promise (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const offsetMetadata = { partition: expect.stringMatching(/^\d+$/), offset: expect.stringMatching(/^\d+$/) };

describe('BindingsClient against serverless-offline', () => {
  it("send('checkout', 'create', {orderId}) resolves with the record's partition and offset, and it arrives", async () => {
    const orderId = randomUUID();
    const response = await clientOf().send('checkout', 'create', { orderId });
    expect(response).toEqual({ data: undefined, metadata: offsetMetadata });
    const record = await tap().waitForValue(`{"orderId":"${orderId}"}`);
    expect({ partition: String(record.partition), offset: record.offset }).toEqual(response.metadata);
  });

  it('passes metadata through: partitionKey becomes the key, every entry a header', async () => {
    const marker = randomUUID();
    await clientOf().send('checkout', 'create', { marker }, { partitionKey: 'client-key', marker });
    const record = await tap().waitForHeader('marker', marker);
    expect(record.key!.toString('utf8')).toBe('client-key');
    expect(record.headers).toEqual({ partitionKey: 'client-key', marker });
  });

  it('throws DaprBindingError ERR_INVOKE_OUTPUT_BINDING with status 500 for an unknown binding', async () => {
    const name = `nope-${randomUUID()}`;
    const error = await rejectionOf(clientOf().send(name, 'create', { orderId: 'never' }));
    expect(error).toBeInstanceOf(DaprBindingError);
    expect(error).toMatchObject({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      statusCode: 500,
      message: `error invoking output binding ${name}: couldn't find output binding ${name}`,
      metadata: {},
    });
  });

  it('answers a batch of 3 with one bad request in order, the bad one as its own DaprBindingError', async () => {
    const first = randomUUID();
    const third = randomUUID();
    const results = await clientOf().batch([
      { name: 'checkout', operation: 'create', data: { orderId: first } },
      { name: 'checkout', operation: 'get', data: { orderId: 'never' } },
      { name: 'checkout', operation: 'create', data: { orderId: third } },
    ]);
    expect(results).toEqual([
      { ok: true, data: undefined, metadata: offsetMetadata },
      { ok: false, error: expect.any(DaprBindingError) },
      { ok: true, data: undefined, metadata: offsetMetadata },
    ]);
    expect(results[1]).toMatchObject({
      error: {
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        statusCode: 500,
        message:
          'error invoking output binding checkout: binding checkout does not support operation get. supported operations:create',
      },
    });
    const firstRecord = await tap().waitForValue(`{"orderId":"${first}"}`);
    const thirdRecord = await tap().waitForValue(`{"orderId":"${third}"}`);
    expect(results[0]).toMatchObject({ metadata: { offset: firstRecord.offset } });
    expect(results[2]).toMatchObject({ metadata: { offset: thirdRecord.offset } });
    expect(BigInt(thirdRecord.offset)).toBeGreaterThan(BigInt(firstRecord.offset));
  });

  it('sendAndForget resolves once the event is accepted, and the function then writes the record', async () => {
    const orderId = randomUUID();
    await expect(clientOf().sendAndForget('checkout', 'create', { orderId })).resolves.toBeUndefined();
    await tap().waitForValue(`{"orderId":"${orderId}"}`);
  });

  it('throws BindingsInvokeError naming the function for a function that does not exist', async () => {
    const functionName = `no-such-function-${randomUUID()}`;
    const error = await rejectionOf(clientOf({ functionName }).send('checkout', 'create', { orderId: 'never' }));
    expect(error).toBeInstanceOf(BindingsInvokeError);
    expect(error).toMatchObject({
      functionName,
      cause: expect.objectContaining({ name: 'ResourceNotFoundException' }),
    });
    expect((error as Error).message).toContain(
      `invoking Lambda function ${functionName} failed: ResourceNotFoundException`,
    );
  });

  it('throws BindingsInvokeError for an endpoint nobody listens on', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const error = await rejectionOf(clientOf({ endpoint }).send('checkout', 'create', { orderId: 'never' }));
    expect(error).toBeInstanceOf(BindingsInvokeError);
    expect(error).toMatchObject({ functionName: FUNCTION_NAME });
    expect((error as Error).message).toMatch(
      new RegExp(`^invoking Lambda function ${FUNCTION_NAME} failed: .*ECONNREFUSED`),
    );
  });

  describe('an endpoint that accepts connections and never answers', () => {
    let server: Server | undefined;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('throws BindingsInvokeError (a TimeoutError) once requestTimeout passes, instead of hanging', async () => {
      const address = server!.address();
      if (address === null || typeof address !== 'object') throw new Error('the server has no port');
      const client = clientOf({ endpoint: `http://127.0.0.1:${address.port}`, requestTimeoutMs: 1_000 });
      const error = await rejectionOf(client.send('checkout', 'create', { orderId: 'never' }));
      expect(error).toBeInstanceOf(BindingsInvokeError);
      expect(error).toMatchObject({
        functionName: FUNCTION_NAME,
        cause: expect.objectContaining({ name: 'TimeoutError' }),
      });
    });
  });
});
