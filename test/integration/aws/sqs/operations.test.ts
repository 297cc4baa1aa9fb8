import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { motoClientConfig, uniqueName } from '../../../support/aws';
import { createQueue, deleteQueue, queueDepth, receiveAll, sqsComponent, SQSClient } from './sqs-support';

jest.setTimeout(60_000);

const MISSING_QUEUE = (name: string) =>
  new RegExp(
    `^error invoking output binding ${name}: operation error SQS: GetQueueUrl, https response error StatusCode: 400, ` +
      'RequestID: \\S+, AWS\\.SimpleQueueService\\.NonExistentQueue: The specified queue does not exist\\.$',
  );

describe('aws.sqs binding against moto', () => {
  const client = new SQSClient(motoClientConfig());
  const queue = uniqueName('dapr-sqs');
  const fifo = `${uniqueName('dapr-sqs')}.fifo`;
  const missing = uniqueName('dapr-sqs-missing');
  let url: string;
  let fifoUrl: string;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    url = await createQueue(client, queue);
    fifoUrl = await createQueue(client, fifo, { FifoQueue: 'true' });
    runtime = realRuntime([
      sqsComponent('queue', queue),
      sqsComponent('fifo', fifo),
      sqsComponent('missing', missing),
      sqsComponent('elsewhere', queue, { region: 'eu-west-1' }),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    await deleteQueue(client, url).catch(() => undefined);
    await deleteQueue(client, fifoUrl).catch(() => undefined);
    client.destroy();
  });

  it('sends the data bytes daprd would send: JSON re-encoded, strings quoted, 204 with no body', async () => {
    const datas: unknown[] = ['hello', { b: 2, a: [1, 'x'] }, '<a&b>', 1e21, null, true];
    for (const data of datas) {
      const answer = await post(runtime, 'queue', { operation: 'create', data });
      expect(answer.status).toBe(204);
      expect(answer.body.length).toBe(0);
    }
    const absent = await post(runtime, 'queue', { operation: 'create' });
    expect(absent.status).toBe(204);

    const bodies: string[] = [];
    for (let round = 0; round < 5 && bodies.length < 7; round++) {
      bodies.push(...(await receiveAll(client, url)).map((message) => message.Body!));
    }
    expect(bodies.sort()).toEqual(
      ['"hello"', '{"a":[1,"x"],"b":2}', '"\\u003ca\\u0026b\\u003e"', '1e+21', 'null', 'true', 'null'].sort(),
    );
  });

  it('reads no request metadata: no message attributes, no delay', async () => {
    const answer = await post(runtime, 'queue', {
      operation: 'create',
      data: 'plain',
      metadata: {
        DelaySeconds: '30',
        delaySeconds: '30',
        MessageGroupId: 'g',
        contentType: 'text/plain',
        ttlInSeconds: '5',
      },
    });
    expect(answer.status).toBe(204);
    const [message, ...others] = await receiveAll(client, url);
    expect(others).toEqual([]);
    expect(message?.Body).toBe('"plain"');
    expect(message?.MessageAttributes).toBeUndefined();
  });

  it('sends no MessageGroupId, so a FIFO queue refuses the message as it does for daprd', async () => {
    const answer = await post(runtime, 'fifo', { operation: 'create', data: 'x' });
    expect(answer.status).toBe(500);
    expect(errorOf(answer).message).toMatch(
      /^error invoking output binding fifo: operation error SQS: SendMessage, https response error StatusCode: 400, RequestID: \S+, api error MissingParameter: The request must contain the parameter MessageGroupId\.$/,
    );
    expect(await queueDepth(client, fifoUrl)).toBe(0);
  });

  it("answers daprd's GetQueueUrl error for a missing queue, on every call", async () => {
    for (let call = 0; call < 2; call++) {
      const answer = await post(runtime, 'missing', { operation: 'create', data: 'x' });
      expect(answer.status).toBe(500);
      expect(errorOf(answer).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
      expect(errorOf(answer).message).toMatch(MISSING_QUEUE('missing'));
    }
  });

  it('does not find the queue from another region', async () => {
    const answer = await post(runtime, 'elsewhere', { operation: 'create', data: 'x' });
    expect(answer.status).toBe(500);
    expect(errorOf(answer).message).toMatch(MISSING_QUEUE('elsewhere'));
  });

  it('follows a queue deleted after the first send: GetQueueUrl error, then sends again once it is re-created', async () => {
    const name = uniqueName('dapr-sqs-gone');
    let target = await createQueue(client, name);
    const own = realRuntime([sqsComponent('gone', name)]);
    try {
      expect((await post(own, 'gone', { operation: 'create', data: 1 })).status).toBe(204);
      await deleteQueue(client, target);
      const down = await post(own, 'gone', { operation: 'create', data: 2 });
      expect(down.status).toBe(500);
      expect(errorOf(down).message).toMatch(MISSING_QUEUE('gone'));
      target = await createQueue(client, name);
      expect((await post(own, 'gone', { operation: 'create', data: 3 })).status).toBe(204);
      expect((await receiveAll(client, target)).map((message) => message.Body)).toEqual(['3']);
    } finally {
      await own.close();
      await deleteQueue(client, target).catch(() => undefined);
    }
  });
});
