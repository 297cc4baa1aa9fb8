import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { BlackHoleProxy } from './black-hole-proxy';
import { Inspector, rabbitmqComponent, rabbitmqUrl, uniqueQueue, lockBroker } from './rabbitmq-support';

jest.setTimeout(30_000);

// The binding reaches the test broker through a proxy of this test's own, which can stop carrying
// anything on the open connection: a publish is then never confirmed.
describe('rabbitmq binding with a broker that stops answering', () => {
  const queue = uniqueQueue('unresponsive');
  let proxy: BlackHoleProxy;
  let runtime: BindingsRuntime;
  let inspector: Inspector;

  let release: (() => Promise<void>) | undefined;

  // One rabbitmq suite at a time: the restart suite stops the shared broker.
  beforeAll(async () => {
    release = await lockBroker();
  }, 180_000);

  beforeAll(async () => {
    const url = new URL(rabbitmqUrl());
    proxy = await BlackHoleProxy.start({ host: url.hostname, port: Number(url.port || 5672) });
    url.host = `127.0.0.1:${proxy.port}`;
    runtime = realRuntime([rabbitmqComponent('queue', queue, { host: url.toString() })]);
    inspector = await Inspector.open();
  });

  afterAll(async () => {
    await runtime?.close();
    await proxy?.close();
    await inspector?.deleteQueues([queue]);
    await inspector?.close();
  });

  afterAll(async () => {
    await release?.();
  });

  it('answers a Dapr error before the deadline for an unconfirmed publish, never resends it, and recovers', async () => {
    expect((await post(runtime, 'queue', { operation: 'create', data: 'first' })).status).toBe(204);
    const first = await inspector.take(queue);
    expect(first && first.content.toString()).toBe('"first"');

    proxy.swallow();
    const started = Date.now();
    const silent = await post(runtime, 'queue', { operation: 'create', data: 'lost' }, 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(silent.status).toBe(500);
    expect(errorOf(silent)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        'error invoking output binding queue: deadline of 2500ms exceeded; the outcome of the operation is unknown',
    });

    proxy.reset();
    expect((await post(runtime, 'queue', { operation: 'create', data: 'next' }, 10_000)).status).toBe(204);
    const message = await inspector.take(queue);
    expect(message && message.content.toString()).toBe('"next"');
    // The swallowed publish was not sent again behind the caller's back.
    expect(await inspector.take(queue)).toBe(false);
  });
});
