import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { SilentEndpoint } from '../dynamodb/silent-endpoint';
import { motoEndpoint } from '../../../support/aws';
import { createStream, kinesisComponent, rawKinesis, readRecords } from './kinesis-support';

jest.setTimeout(90_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.kinesis binding across an AWS outage', () => {
  const stream = 'outage';
  let moto: PrivateMoto;
  let client: KinesisClient;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    motoEndpoint(); // the suite needs the AWS test services configured, like every AWS test
    moto = await PrivateMoto.start();
    client = rawKinesis(moto.endpoint);
    await createStream(client, stream);
    runtime = realRuntime([kinesisComponent('volatile', stream, {}, moto.endpoint)]);
  });

  afterAll(async () => {
    await runtime?.close();
    client?.destroy();
    await moto?.stop();
  });

  it('answers a Dapr error within the deadline while AWS is down, then succeeds once it is back', async () => {
    const before = { operation: 'create', data: 'before', metadata: { partitionKey: 'k' } };
    expect((await post(runtime, 'volatile', before)).status).toBe(204);

    await moto.stop();
    const started = Date.now();
    const down = await post(runtime, 'volatile', { operation: 'create', data: 'down' }, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    const host = `127.0.0.1:${moto.port}`;
    expect(errorOf(down).message).toBe(
      `error invoking output binding volatile: operation error Kinesis: PutRecord, exceeded maximum number of attempts, 2, https response error StatusCode: 0, RequestID: , request send failed, Post "http://${host}/": dial tcp ${host}: connect: connection refused`,
    );

    await moto.start();
    await createStream(client, stream); // moto's state is in memory only
    const after = { operation: 'create', data: { n: 1 }, metadata: { partitionKey: 'after' } };
    expect((await post(runtime, 'volatile', after, 10_000)).status).toBe(204);
    const records = await readRecords(client, stream);
    expect(records.map((r) => [r.data.toString('utf8'), r.partitionKey])).toEqual([['{"n":1}', 'after']]);
  });

  it('answers within the invocation deadline when the endpoint accepts but never answers, and keeps serving', async () => {
    const silent = await SilentEndpoint.start();
    const hung = realRuntime([kinesisComponent('hung', 'outage', {}, silent.url)]);
    try {
      const started = Date.now();
      const response = await post(hung, 'hung', { operation: 'create', data: 'x' }, 3_000);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message:
          'error invoking output binding hung: deadline of 2500ms exceeded; the outcome of the operation is unknown',
      });
      expect(silent.connections).toBeGreaterThan(0);
    } finally {
      await hung.close();
      await silent.stop();
    }
    expect((await post(runtime, 'volatile', { operation: 'create', data: 'x' })).status).toBe(204);
  });
});
