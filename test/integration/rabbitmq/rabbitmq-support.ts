import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import type { BundledComponent } from '../../../src/components/types';

/** The test broker's AMQP URL from `.services.env` or the environment; a missing one fails the suite. */
export function rabbitmqUrl(): string {
  const url = process.env.RABBITMQ_URL;
  if (!url) throw new Error('RABBITMQ_URL is not set: run `npm run services:up` (or export RABBITMQ_URL=amqp://…)');
  return url;
}

/** A rabbitmq binding component publishing to `queueName` on the test broker. */
export function rabbitmqComponent(
  name: string,
  queueName: string,
  extra: Record<string, string> = {},
): BundledComponent {
  const metadata = Object.entries({ host: rabbitmqUrl(), queueName, ...extra }).map(([key, value]) => ({
    name: key,
    value,
  }));
  return { name, type: 'bindings.rabbitmq', version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A queue name no other test (or run) uses. */
export function uniqueQueue(label: string): string {
  return `dapr-lambda-test.${label}.${randomUUID()}`;
}

/** A plain amqplib connection for checking what the binding published, and for cleaning up. */
export class Inspector {
  private constructor(
    private readonly model: ChannelModel,
    readonly channel: Channel,
  ) {}

  static async open(): Promise<Inspector> {
    const model = await connect(rabbitmqUrl());
    model.on('error', () => undefined);
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    return new Inspector(model, channel);
  }

  /** The next message on the queue (acknowledged), or false when it is empty. */
  async take(queue: string): Promise<GetMessage | false> {
    const message = await this.channel.get(queue, { noAck: true });
    return message;
  }

  /** How many messages wait on the queue (a passive declare). */
  async depth(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  /** Deletes queues, ignoring ones that are already gone. */
  async deleteQueues(queues: Iterable<string>): Promise<void> {
    for (const queue of queues) await this.channel.deleteQueue(queue);
  }

  async close(): Promise<void> {
    await this.model.close().catch(() => undefined);
  }
}

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'services', 'rabbitmq.sh');

/** Stops or starts the shared test broker with the project's script (a start waits until it accepts logins). */
export async function broker(action: 'stop' | 'start'): Promise<void> {
  await promisify(execFile)('bash', [SCRIPT, action], { timeout: 120_000 });
}

const LOCK = join(tmpdir(), 'dapr-lambda-bindings-rabbitmq-tests.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs the rabbitmq suites one at a time (jest runs files in parallel): one of them stops the shared
 * broker. A lock left by a process that died is taken over. Returns the release function.
 */
export async function lockBroker(timeoutMs = 170_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(LOCK);
      await writeFile(join(LOCK, 'pid'), String(process.pid));
      return () => rm(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(join(LOCK, 'pid'), 'utf8').catch(() => ''));
    if (owner > 0 && !alive(owner)) await rm(LOCK, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`another rabbitmq suite held ${LOCK} for too long`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
