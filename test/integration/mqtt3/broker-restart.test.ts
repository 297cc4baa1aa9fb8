import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mqttComponent, mqttUrl, PrivateMosquitto, Subscriber, uniqueTopic } from './mqtt-support';

jest.setTimeout(60_000);

// Stops, freezes and restarts a mosquitto of its own (`mosquitto -p <free port>`), never the shared broker.
describe('mqtt3 binding across broker outages', () => {
  const topic = uniqueTopic('restart');
  let broker: PrivateMosquitto;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    mqttUrl(); // the suite needs the test broker configured, like every mqtt3 test
    broker = await PrivateMosquitto.start();
    runtime = realRuntime([mqttComponent('volatile', { topic }, broker.url)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await broker?.stop();
  });

  /** Publishes `data` and checks a subscriber on the private broker received exactly it. */
  async function publishesAndArrives(data: string): Promise<void> {
    const subscriber = await Subscriber.on(topic, broker.url);
    try {
      const created = await post(runtime, 'volatile', { operation: 'create', data }, 10_000);
      expect(created.status).toBe(204);
      expect((await subscriber.received(1)).map((m) => m.payload.toString())).toEqual([JSON.stringify(data)]);
    } finally {
      await subscriber.close();
    }
  }

  it('reconnects when the broker restarted while the binding was idle, without failing the next call', async () => {
    await publishesAndArrives('before');
    await broker.stop();
    await broker.start();
    await publishesAndArrives('after idle restart');
  });

  it('answers a Dapr error within the deadline while the broker is down, then succeeds once it is back', async () => {
    await publishesAndArrives('up');
    await broker.stop();
    const started = Date.now();
    const down = await post(runtime, 'volatile', { operation: 'create', data: 'lost' }, 3_000);
    expect(down.status).toBe(500);
    expect(errorOf(down)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding volatile: failed to create producer connection: failed to connect: connect ECONNREFUSED 127.0.0.1:${broker.port}`,
    });
    expect(Date.now() - started).toBeLessThan(3_000);

    await broker.start();
    await publishesAndArrives('back');
  });

  it('answers 204 only after the PUBACK: a frozen broker gives a Dapr error before the deadline, then recovers', async () => {
    await publishesAndArrives('warm');
    broker.signal('SIGSTOP');
    let frozen;
    const started = Date.now();
    try {
      frozen = await post(runtime, 'volatile', { operation: 'create', data: 'unacknowledged' }, 3_000);
    } finally {
      broker.signal('SIGCONT');
    }
    expect(frozen.status).toBe(500);
    expect(errorOf(frozen).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(frozen).message).toMatch(/^error invoking output binding volatile: deadline of \d+ms exceeded/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await publishesAndArrives('thawed');
  });
});
