import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { readRecords, uniqueTopic } from '../../support/kafka';
import { errorOf, kafkaComponent, post, realRuntime } from '../../support/kafka-runtime';
import { kafkaBroker } from '../../support/services';

jest.setTimeout(240_000);

// Stops and restarts the project's own broker: this file needs the broker that `npm run services:up` runs.
describe('Kafka binding across broker outages', () => {
  const topic = uniqueTopic('outage');
  let runtime: BindingsRuntime;

  beforeAll(() => {
    runtime = realRuntime([kafkaComponent('resilient', topic, { dialTimeout: '1s', producerRetryMax: '2' })]);
  });

  afterAll(async () => {
    kafkaBroker('start');
    await runtime.close();
  });

  it('rebuilds a connection the broker dropped while idle, without failing the next call', async () => {
    expect((await post(runtime, 'resilient', { operation: 'create', data: 'before' })).status).toBe(204);
    kafkaBroker('stop');
    kafkaBroker('start');
    const response = await post(runtime, 'resilient', { operation: 'create', data: 'after-idle-restart' }, 20_000);
    expect(response.status).toBe(204);
  });

  it('answers a Dapr error within the deadline while the broker is down, then succeeds once it is back', async () => {
    kafkaBroker('stop');
    const started = Date.now();
    // An invocation with 3 s left: the answer must come before Lambda would kill it.
    const down = await post(runtime, 'resilient', { operation: 'create', data: 'while-down' }, 3_000);
    const elapsed = Date.now() - started;
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(down).message).toMatch(/^error invoking output binding resilient: /);
    expect(elapsed).toBeLessThan(3_000);

    kafkaBroker('start');
    const up = await post(runtime, 'resilient', { operation: 'create', data: 'after-restart' }, 20_000);
    expect(up.status).toBe(204);
    const values = (await readRecords(topic, 3)).map((r) => JSON.parse(r.value!.toString()) as string);
    expect(values).toEqual(expect.arrayContaining(['before', 'after-idle-restart', 'after-restart']));
  });
});
