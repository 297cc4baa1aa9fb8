import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { SilentEndpoint } from './silent-endpoint';
import { motoEndpoint } from '../../../support/aws';
import { createTable, dynamodbComponent, getItem, rawDynamoDb } from './dynamodb-support';

jest.setTimeout(90_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.dynamodb binding across an AWS outage', () => {
  const table = 'outage';
  let moto: PrivateMoto;
  let client: DynamoDBClient;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    motoEndpoint(); // the suite needs the AWS test services configured, like every AWS test
    moto = await PrivateMoto.start();
    client = rawDynamoDb(moto.endpoint);
    await createTable(client, table);
    runtime = realRuntime([dynamodbComponent('volatile', table, {}, moto.endpoint)]);
  });

  afterAll(async () => {
    await runtime?.close();
    client?.destroy();
    await moto?.stop();
  });

  it('answers a Dapr error within the deadline while AWS is down, then succeeds once it is back', async () => {
    expect((await post(runtime, 'volatile', { operation: 'create', data: { id: 'before' } })).status).toBe(204);

    await moto.stop();
    const started = Date.now();
    const down = await post(runtime, 'volatile', { operation: 'create', data: { id: 'down' } }, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    const host = `127.0.0.1:${moto.port}`;
    expect(errorOf(down).message).toBe(
      `error invoking output binding volatile: operation error DynamoDB: PutItem, exceeded maximum number of attempts, 2, https response error StatusCode: 0, RequestID: , request send failed, Post "http://${host}/": dial tcp ${host}: connect: connection refused`,
    );

    await moto.start();
    await createTable(client, table); // moto's state is in memory only
    const up = await post(runtime, 'volatile', { operation: 'create', data: { id: 'after', n: 1 } }, 10_000);
    expect(up.status).toBe(204);
    expect(await getItem(client, table, 'after')).toEqual({ id: { S: 'after' }, n: { N: '1' } });
    expect(await getItem(client, table, 'down')).toBeUndefined();
  });

  it('answers within the invocation deadline when the endpoint accepts but never answers, and keeps serving', async () => {
    const silent = await SilentEndpoint.start();
    const hung = realRuntime([dynamodbComponent('hung', 'outage', {}, silent.url)]);
    try {
      const started = Date.now();
      const response = await post(hung, 'hung', { operation: 'create', data: { id: 'x' } }, 3_000);
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
    expect((await post(runtime, 'volatile', { operation: 'create', data: { id: 'x' } })).status).toBe(204);
  });
});
