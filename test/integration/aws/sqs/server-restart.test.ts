import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { motoClientConfig, uniqueName } from '../../../support/aws';
import { createQueue, receiveAll, sqsComponent, SQSClient } from './sqs-support';

jest.setTimeout(90_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.sqs binding across an AWS outage', () => {
  let moto: PrivateMoto;
  let runtime: BindingsRuntime;
  const queue = uniqueName('dapr-sqs-outage');

  beforeAll(async () => {
    moto = await PrivateMoto.start();
    runtime = realRuntime([sqsComponent('outage', queue, {}, moto.endpoint)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await moto?.stop();
  });

  async function freshQueue(): Promise<{ client: SQSClient; url: string }> {
    const client = new SQSClient(motoClientConfig(moto.endpoint));
    return { client, url: await createQueue(client, queue) };
  }

  it('answers a Dapr error within the deadline while moto is down, then sends once it is back with the queue re-created', async () => {
    const before = await freshQueue();
    try {
      expect((await post(runtime, 'outage', { operation: 'create', data: 'before' })).status).toBe(204);
      expect((await receiveAll(before.client, before.url)).map((message) => message.Body)).toEqual(['"before"']);
    } finally {
      before.client.destroy();
    }

    await moto.stop();
    const started = Date.now();
    const down = await post(runtime, 'outage', { operation: 'create', data: 'during' }, 8_000);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    const port = moto.endpoint.split(':').pop()!;
    expect(errorOf(down).message).toMatch(
      new RegExp(
        '^error invoking output binding outage: operation error SQS: SendMessage, exceeded maximum number of attempts, 2, ' +
          `https response error StatusCode: 0, RequestID: , request send failed, Post "http://127\\.0\\.0\\.1:${port}/": ` +
          `dial tcp 127\\.0\\.0\\.1:${port}: connect: connection refused$`,
      ),
    );

    await moto.start();
    const after = await freshQueue();
    try {
      const up = await post(runtime, 'outage', { operation: 'create', data: 'after' }, 10_000);
      expect(up.status).toBe(204);
      expect((await receiveAll(after.client, after.url)).map((message) => message.Body)).toEqual(['"after"']);
    } finally {
      after.client.destroy();
    }
  });

  it("gives the GetQueueUrl error when moto came back without the queue (daprd's text)", async () => {
    await moto.stop();
    await moto.start();
    const answer = await post(runtime, 'outage', { operation: 'create', data: 'lost' }, 10_000);
    expect(answer.status).toBe(500);
    expect(errorOf(answer).message).toMatch(
      /^error invoking output binding outage: operation error SQS: GetQueueUrl, https response error StatusCode: 400, RequestID: \S+, AWS\.SimpleQueueService\.NonExistentQueue: The specified queue does not exist\.$/,
    );
  });
});
