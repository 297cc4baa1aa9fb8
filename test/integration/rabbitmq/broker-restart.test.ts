import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { broker, Inspector, rabbitmqComponent, rabbitmqUrl, uniqueQueue, lockBroker } from './rabbitmq-support';

// Each restart of the shared broker takes about 8 s to stop and start.
jest.setTimeout(120_000);

// Stops and restarts the SHARED test broker (a private RabbitMQ per test is too heavy); afterAll
// always starts it again, even when a test failed with the broker down.
describe('rabbitmq binding across broker restarts', () => {
  const queue = uniqueQueue('restart');
  let runtime: BindingsRuntime;

  let release: (() => Promise<void>) | undefined;

  // One rabbitmq suite at a time: the restart suite stops the shared broker.
  beforeAll(async () => {
    release = await lockBroker();
  }, 180_000);

  beforeAll(() => {
    rabbitmqUrl();
    runtime = realRuntime([rabbitmqComponent('queue', queue)]);
  });

  // A test that failed with the broker down must not fail the next one too.
  beforeEach(() => broker('start'));

  afterAll(async () => {
    await runtime?.close();
    await broker('start');
    const inspector = await Inspector.open();
    try {
      await inspector.deleteQueues([queue]);
    } finally {
      await inspector.close();
    }
  });

  afterAll(async () => {
    await release?.();
  });

  /** The bodies waiting on the queue, in order (taken off it). */
  async function drain(): Promise<string[]> {
    const inspector = await Inspector.open();
    try {
      const bodies: string[] = [];
      for (let message = await inspector.take(queue); message; message = await inspector.take(queue)) {
        bodies.push(message.content.toString());
      }
      return bodies;
    } finally {
      await inspector.close();
    }
  }

  it('answers a Dapr error before the deadline while the broker is down, then succeeds once it is back', async () => {
    expect((await post(runtime, 'queue', { operation: 'create', data: 'before' })).status).toBe(204);
    await broker('stop');

    const started = Date.now();
    const down = await post(runtime, 'queue', { operation: 'create', data: 'down' }, 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(down).message).toMatch(
      /^error invoking output binding queue: failed to connect to rabbitmq: connect ECONNREFUSED 127\.0\.0\.1:5672$/,
    );
    // A second call while down goes through a new driver, and fails the same way.
    const again = await post(runtime, 'queue', { operation: 'create', data: 'down again' }, 3_000);
    expect(again.status).toBe(500);
    expect(errorOf(again).message).toContain('failed to connect to rabbitmq: connect ECONNREFUSED');

    await broker('start');
    expect((await post(runtime, 'queue', { operation: 'create', data: 'after' }, 10_000)).status).toBe(204);
    // The queue is not durable: the restart dropped it and the binding declared it again.
    expect(await drain()).toEqual(['"after"']);
  });

  it('reconnects when the broker restarted while the binding was idle, without failing the next call', async () => {
    expect((await post(runtime, 'queue', { operation: 'create', data: 'first' })).status).toBe(204);
    await broker('stop');
    await broker('start');
    expect((await post(runtime, 'queue', { operation: 'create', data: 'second' }, 10_000)).status).toBe(204);
    expect(await drain()).toEqual(['"second"']);
  });
});
