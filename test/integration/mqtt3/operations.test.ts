import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { clearRetained, mqttComponent, Subscriber, uniqueTopic } from './mqtt-support';

jest.setTimeout(60_000);

describe('mqtt3 binding against a real broker', () => {
  const topic = uniqueTopic('component');
  const retainedTopic = uniqueTopic('retained');
  let runtime: BindingsRuntime;
  let subscribers: Subscriber[] = [];

  async function subscribe(to: string): Promise<Subscriber> {
    const subscriber = await Subscriber.on(to);
    subscribers.push(subscriber);
    return subscriber;
  }

  beforeAll(() => {
    runtime = realRuntime([
      mqttComponent('mqtt-out', { topic }),
      mqttComponent('mqtt-alias', { topic }, undefined, 'bindings.mqtt'),
      mqttComponent('mqtt-retained', { topic: retainedTopic, retain: 'true' }),
    ]);
  });

  afterEach(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    subscribers = [];
  });

  afterAll(async () => {
    await runtime.close();
    await clearRetained(retainedTopic);
  });

  it('publishes exactly the bytes daprd would (JSON re-encoded, strings quoted) and answers 204', async () => {
    const subscriber = await subscribe(topic);
    const created = await post(runtime, 'mqtt-out', { operation: 'create', data: 'hello' });
    expect(created.status).toBe(204);
    expect(created.body.length).toBe(0);
    await post(runtime, 'mqtt-out', { operation: 'create', data: { b: 2, a: '<&>' } });
    await post(runtime, 'mqtt-out', { operation: 'create' });
    const messages = await subscriber.received(3);
    expect(messages.map((m) => m.payload.toString())).toEqual([
      '"hello"',
      '{"a":"\\u003c\\u0026\\u003e","b":2}',
      'null',
    ]);
  });

  it('publishes with QoS 1 and without the retain flag by default', async () => {
    const subscriber = await subscribe(topic);
    expect((await post(runtime, 'mqtt-out', { operation: 'create', data: 1 })).status).toBe(204);
    const [message] = await subscriber.received(1);
    expect(message).toMatchObject({ qos: 1, retain: false });
    expect(message!.payload.toString()).toBe('1');
  });

  it('publishes to the request metadata topic instead of the component topic', async () => {
    const other = uniqueTopic('override');
    const onComponent = await subscribe(topic);
    const onOther = await subscribe(other);
    const created = await post(runtime, 'mqtt-out', { operation: 'create', data: 'x', metadata: { topic: other } });
    expect(created.status).toBe(204);
    expect((await onOther.received(1)).map((m) => m.payload.toString())).toEqual(['"x"']);
    // A message published after it, to the component topic, arrives first there: nothing came before.
    await post(runtime, 'mqtt-out', { operation: 'create', data: 'marker' });
    expect((await onComponent.received(1)).map((m) => m.payload.toString())).toEqual(['"marker"']);
  });

  it('serves the alias bindings.mqtt', async () => {
    const subscriber = await subscribe(topic);
    expect((await post(runtime, 'mqtt-alias', { operation: 'create', data: [1, 'x'] })).status).toBe(204);
    expect((await subscriber.received(1)).map((m) => m.payload.toString())).toEqual(['[1,"x"]']);
  });

  it('retains the message with retain=true: a subscriber that connects after the publish reads it', async () => {
    const created = await post(runtime, 'mqtt-retained', { operation: 'create', data: { kept: true } });
    expect(created.status).toBe(204);
    const late = await subscribe(retainedTopic);
    const [message] = await late.received(1);
    expect(message!.retain).toBe(true);
    expect(message!.payload.toString()).toBe('{"kept":true}');
  });

  it('refuses a wildcard topic with a Dapr error before sending, and keeps working', async () => {
    const subscriber = await subscribe(topic);
    const refused = await post(runtime, 'mqtt-out', { operation: 'create', data: 1, metadata: { topic: 'a/#' } });
    expect(refused.status).toBe(500);
    expect(errorOf(refused)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        'error invoking output binding mqtt-out: failed to publish: topic "a/#" contains a wildcard (+ or #), which only subscriptions may use',
    });
    expect((await post(runtime, 'mqtt-out', { operation: 'create', data: 2 })).status).toBe(204);
    expect((await subscriber.received(1)).map((m) => m.payload.toString())).toEqual(['2']);
  });

  it("answers daprd's errors for an unsupported operation and a malformed body", async () => {
    const get = await post(runtime, 'mqtt-out', { operation: 'get' });
    expect(get.status).toBe(500);
    expect(errorOf(get).message).toBe(
      'error invoking output binding mqtt-out: binding mqtt-out does not support operation get. supported operations:create',
    );
    const malformed = await post(runtime, 'mqtt-out', '"not an object"');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).errorCode).toBe('ERR_MALFORMED_REQUEST');
  });

  it('lets two sandboxes with the same consumerID publish side by side (each has its own client ID)', async () => {
    const subscriber = await subscribe(topic);
    const other = realRuntime([mqttComponent('mqtt-out', { topic })]);
    try {
      for (let i = 0; i < 3; i++) {
        expect((await post(runtime, 'mqtt-out', { operation: 'create', data: `a${i}` })).status).toBe(204);
        expect((await post(other, 'mqtt-out', { operation: 'create', data: `b${i}` })).status).toBe(204);
      }
      const payloads = (await subscriber.received(6)).map((m) => m.payload.toString());
      expect(payloads).toEqual(['"a0"', '"b0"', '"a1"', '"b1"', '"a2"', '"b2"']);
    } finally {
      await other.close();
    }
  });

  it('fails fast with a Dapr error when the broker refuses the connection', async () => {
    const nowhere = realRuntime([mqttComponent('mqtt-nowhere', {}, 'tcp://127.0.0.1:1')]);
    try {
      const started = Date.now();
      const failed = await post(nowhere, 'mqtt-nowhere', { operation: 'create', data: 1 }, 5_000);
      expect(failed.status).toBe(500);
      expect(errorOf(failed)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message:
          'error invoking output binding mqtt-nowhere: failed to create producer connection: failed to connect: connect ECONNREFUSED 127.0.0.1:1',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await nowhere.close();
    }
  });

  it('reports a component without consumerID as a configuration error, as daprd Init does', async () => {
    const component = mqttComponent('mqtt-bad');
    component.metadata = component.metadata.filter((item) => item.name !== 'consumerID');
    const bad = realRuntime([component]);
    try {
      const failed = await post(bad, 'mqtt-bad', { operation: 'create', data: 1 });
      expect(failed.status).toBe(500);
      expect(errorOf(failed).message).toBe(
        'error invoking output binding mqtt-bad: invalid component configuration: metadata "consumerID" is required',
      );
    } finally {
      await bad.close();
    }
  });
});
