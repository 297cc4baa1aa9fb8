import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import { ConnectionClosedError, publishAcked } from '../../../../src/bindings/mqtt3/connection';

type PublishCallback = (error?: Error) => void;

/** Just enough of an MqttClient: events, and a publish whose acknowledgement the test controls. */
class FakeClient extends EventEmitter {
  readonly published: Array<{ topic: string; payload: Buffer; options: unknown; ack: PublishCallback }> = [];

  publish(topic: string, payload: Buffer, options: unknown, ack: PublishCallback): this {
    this.published.push({ topic, payload, options, ack });
    return this;
  }
}

const MESSAGE = { topic: 'a/b', payload: Buffer.from('"x"'), retain: true };

function start(client: FakeClient, signal = new AbortController().signal, timeoutMs = 10_000) {
  return publishAcked(client as unknown as MqttClient, MESSAGE, signal, timeoutMs);
}

describe('publishAcked', () => {
  it('publishes with QoS 1 and the retain flag, and resolves on the PUBACK only', async () => {
    const client = new FakeClient();
    let settled = false;
    const done = start(client).then(() => (settled = true));
    await Promise.resolve();
    expect(client.published).toHaveLength(1);
    expect(client.published[0]).toMatchObject({ topic: 'a/b', options: { qos: 1, retain: true } });
    expect(settled).toBe(false);
    client.published[0]!.ack();
    await done;
    expect(settled).toBe(true);
    expect(client.listenerCount('close')).toBe(0);
    expect(client.listenerCount('error')).toBe(0);
  });

  it('rejects with ConnectionClosedError, carrying the socket error, when the connection closes first', async () => {
    const client = new FakeClient();
    const done = start(client);
    client.emit('error', new Error('read ECONNRESET'));
    client.emit('close');
    const error = await done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect((error as Error).message).toBe('read ECONNRESET');
  });

  it("rejects with daprd's 'mqtt client timeout' when no PUBACK comes in time", async () => {
    await expect(start(new FakeClient(), new AbortController().signal, 10)).rejects.toThrow('mqtt client timeout');
  });

  it('rejects when the invocation signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    const done = start(new FakeClient(), controller.signal);
    controller.abort();
    await expect(done).rejects.toThrow('the invocation deadline passed');
    const client = new FakeClient();
    await expect(start(client, controller.signal)).rejects.toThrow('the invocation deadline passed');
    expect(client.published).toHaveLength(0);
  });

  it('rejects with the error MQTT.js gives the publish callback', async () => {
    const client = new FakeClient();
    const done = start(client);
    await Promise.resolve();
    client.published[0]!.ack(new Error('client disconnecting'));
    await expect(done).rejects.toThrow('client disconnecting');
  });
});
