import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import type { BundledComponent } from '../../../src/components/types';
import { freePort, sleep, stopChild } from '../../support/processes';

/** The test broker's URL from `.services.env` or the environment; a missing one fails the suite. */
export function mqttUrl(): string {
  const url = process.env.MQTT_URL;
  if (!url) throw new Error('MQTT_URL is not set: run `npm run services:up` (or export MQTT_URL=tcp://host:port)');
  return url;
}

/** An mqtt3 binding component pointing at `url` (the test broker unless given). */
export function mqttComponent(
  name: string,
  extra: Record<string, string> = {},
  url = mqttUrl(),
  type = 'bindings.mqtt3',
): BundledComponent {
  const metadata = Object.entries({ url, topic: uniqueTopic('default'), consumerID: `it-${name}`, ...extra }).map(
    ([key, value]) => ({ name: key, value }),
  );
  return { name, type, version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A topic no other test (or run) uses. */
export function uniqueTopic(label: string): string {
  return `dapr-lambda-test/${label}/${randomUUID()}`;
}

/** `tcp://host:port` → the mqtt:// form MQTT.js takes. */
function clientUrl(url: string): string {
  return url.replace(/^tcp:/, 'mqtt:');
}

/** A plain subscriber that collects every message on `topic` (retained ones included). */
export class Subscriber {
  readonly messages: Array<{ payload: Buffer; retain: boolean; qos: number }> = [];

  private constructor(private readonly client: MqttClient) {}

  static async on(topic: string, url = mqttUrl()): Promise<Subscriber> {
    const client = await connectAsync(clientUrl(url), {
      reconnectPeriod: 0,
      protocolVersion: 4,
      connectTimeout: 5_000,
    });
    const subscriber = new Subscriber(client);
    client.on('message', (received, payload, packet) => {
      if (received === topic) subscriber.messages.push({ payload, retain: packet.retain, qos: packet.qos });
    });
    await client.subscribeAsync(topic, { qos: 1 });
    return subscriber;
  }

  /** Waits until `count` messages arrived (or `timeoutMs` passed) and returns them. */
  async received(count = 1, timeoutMs = 5_000): Promise<Subscriber['messages']> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count && Date.now() < deadline) await sleep(20);
    return this.messages;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** Clears a retained message (an empty retained publish). */
export async function clearRetained(topic: string, url = mqttUrl()): Promise<void> {
  const client = await connectAsync(clientUrl(url), { reconnectPeriod: 0, protocolVersion: 4 });
  try {
    await client.publishAsync(topic, Buffer.alloc(0), { qos: 1, retain: true });
  } finally {
    await client.endAsync();
  }
}

/** A mosquitto of this test's own (`mosquitto -p <port>`, loopback only), which the test may stop and start. */
export class PrivateMosquitto {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly args: string[],
  ) {}

  static async start(): Promise<PrivateMosquitto> {
    const port = await freePort();
    const broker = new PrivateMosquitto(port, ['-p', String(port)]);
    await broker.start();
    return broker;
  }

  /** A broker run with a config file; `port` is its plain listener, which readiness is probed on. */
  static async withConfig(port: number, configFile: string): Promise<PrivateMosquitto> {
    const broker = new PrivateMosquitto(port, ['-c', configFile]);
    await broker.start();
    return broker;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('mosquitto', this.args, { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        const probe = await connectAsync(clientUrl(this.url), { reconnectPeriod: 0, connectTimeout: 1_000 });
        await probe.endAsync(true);
        return;
      } catch {
        await sleep(50);
      }
    }
    throw new Error(`mosquitto on port ${this.port} did not start`);
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the broker this object started: connections stay open, nothing answers. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child?.kill(signal);
  }

  /** Stops the broker this object started (by its own pid) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await stopChild(child);
  }
}
