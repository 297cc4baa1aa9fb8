/** Before measuring: which broker, is it on this machine, does it answer, and the bench topic exists. */
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ROOT, TOPIC } from './config';

/** A failure that makes the run meaningless (exit 1 with this message). */
export class PreflightError extends Error {}

/** KAFKA_BROKERS from the environment, else from `.services.env` (written by `npm run services:up`). */
export function kafkaBrokers(): string {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const file = join(ROOT, '.services.env');
  if (existsSync(file)) {
    const match = /^KAFKA_BROKERS=(.+)$/m.exec(readFileSync(file, 'utf8'));
    if (match) return match[1]!.trim();
  }
  throw new PreflightError('KAFKA_BROKERS is not set and .services.env has none: run `npm run services:up` first');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function hostPort(broker: string): { host: string; port: number } {
  const at = broker.lastIndexOf(':');
  return { host: broker.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(broker.slice(at + 1)) };
}

function reachable(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (problem?: string) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done());
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** Checks the brokers are local and listening, and creates the bench topic (1 partition) if missing. */
export async function preflight(brokers: string): Promise<void> {
  const list = brokers.split(',').map((b) => b.trim());
  for (const broker of list) {
    const { host, port } = hostPort(broker);
    if (!LOOPBACK.has(host)) {
      throw new PreflightError(`KAFKA_BROKERS has ${broker}: the benchmark only talks to a broker on 127.0.0.1`);
    }
    const problem = await reachable(host, port, 2_000);
    if (problem) {
      throw new PreflightError(
        `Kafka broker ${broker} is not reachable (${problem}): start it with \`npm run services:up\``,
      );
    }
  }
  const admin = new Kafka({
    clientId: 'bench-admin',
    brokers: list,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
  } catch (error) {
    throw new PreflightError(
      `Kafka broker ${brokers} answers but creating topic ${TOPIC} failed: ${(error as Error).message}`,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
