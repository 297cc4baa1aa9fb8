import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { post, realRuntime } from '../../support/kafka-runtime';
import { freePort } from '../../support/processes';
import { mqttComponent, mqttUrl, PrivateMosquitto, Subscriber, uniqueTopic } from './mqtt-support';

jest.setTimeout(60_000);

// A mosquitto of its own with a websocket listener next to a plain one (for the test subscriber).
describe('mqtt3 binding over websockets', () => {
  const topic = uniqueTopic('ws');
  let dir: string;
  let broker: PrivateMosquitto;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    mqttUrl(); // the suite needs the test broker configured, like every mqtt3 test
    dir = mkdtempSync(join(tmpdir(), 'mqtt3-ws-'));
    const [plainPort, wsPort] = [await freePort(), await freePort()];
    const config = ['allow_anonymous true', `listener ${plainPort} 127.0.0.1`, `listener ${wsPort} 127.0.0.1`];
    writeFileSync(join(dir, 'mosquitto.conf'), `${config.join('\n')}\nprotocol websockets\n`);
    broker = await PrivateMosquitto.withConfig(plainPort, join(dir, 'mosquitto.conf'));
    // The path is dropped, as daprd connects to scheme://host only.
    runtime = realRuntime([mqttComponent('ws', { topic }, `ws://127.0.0.1:${wsPort}/ignored/path`)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await broker?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes over ws://', async () => {
    const subscriber = await Subscriber.on(topic, broker.url);
    try {
      expect((await post(runtime, 'ws', { operation: 'create', data: { over: 'ws' } })).status).toBe(204);
      expect((await subscriber.received(1)).map((m) => m.payload.toString())).toEqual(['{"over":"ws"}']);
    } finally {
      await subscriber.close();
    }
  });
});
