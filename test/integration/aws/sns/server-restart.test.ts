import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { uniqueName } from '../../../support/aws';
import { notifications, snsComponent, watchedTopic } from './sns-support';

jest.setTimeout(90_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.sns binding across an AWS outage', () => {
  let moto: PrivateMoto;
  let runtime: BindingsRuntime | undefined;
  const name = uniqueName('dapr-sns-outage');

  beforeAll(async () => {
    moto = await PrivateMoto.start();
  });

  afterAll(async () => {
    await runtime?.close();
    await moto?.stop();
  });

  it('answers a Dapr error within the deadline while moto is down, then publishes once it is back with the topic re-created', async () => {
    const before = await watchedTopic(name, moto.endpoint);
    runtime = realRuntime([snsComponent('outage', before.topicArn, {}, moto.endpoint)]);
    try {
      const first = await post(runtime, 'outage', { operation: 'create', data: { message: 'before', subject: 's' } });
      expect(first.status).toBe(204);
      expect((await notifications(before, 1)).map(({ Message }) => Message)).toEqual(['before']);
    } finally {
      before.close();
    }

    await moto.stop();
    const started = Date.now();
    const down = await post(runtime, 'outage', { operation: 'create', data: { message: 'during' } }, 8_000);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    const port = moto.endpoint.split(':').pop()!;
    expect(errorOf(down).message).toBe(
      'error invoking output binding outage: operation error SNS: Publish, exceeded maximum number of attempts, 2, ' +
        `https response error StatusCode: 0, RequestID: , request send failed, Post "http://127.0.0.1:${port}/": ` +
        `dial tcp 127.0.0.1:${port}: connect: connection refused`,
    );

    await moto.start();
    const after = await watchedTopic(name, moto.endpoint);
    try {
      expect(after.topicArn).toBe(before.topicArn);
      const up = await post(
        runtime,
        'outage',
        { operation: 'create', data: { message: 'after', subject: 's' } },
        10_000,
      );
      expect(up.status).toBe(204);
      expect((await notifications(after, 1)).map(({ Message, Subject }) => [Message, Subject])).toEqual([
        ['after', 's'],
      ]);
    } finally {
      after.close();
    }
  });
});
