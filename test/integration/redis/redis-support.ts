import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { BundledComponent } from '../../../src/components/types';
import { eventually, freePort, stopChild } from '../../support/processes';

/** The test server's host:port from `.services.env` or the environment; a missing one fails the suite. */
export function redisHost(): string {
  const host = process.env.REDIS_HOST;
  if (!host) throw new Error('REDIS_HOST is not set: run `npm run services:up` (or export REDIS_HOST=host:port)');
  return host;
}

/** A redis binding component pointing at `host` (the test server unless given). */
export function redisComponent(name: string, extra: Record<string, string> = {}, host = redisHost()): BundledComponent {
  const metadata = Object.entries({ redisHost: host, ...extra }).map(([key, value]) => ({ name: key, value }));
  return { name, type: 'bindings.redis', version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A key no other test (or run) uses. */
export function uniqueKey(label: string): string {
  return `dapr-lambda-test:${label}:${randomUUID()}`;
}

/** A plain client for checking what the binding wrote. */
export function rawClient(host = redisHost()): Redis {
  const [name, port] = host.split(':');
  return new Redis({ host: name, port: Number(port ?? 6379), lazyConnect: true, maxRetriesPerRequest: 1 });
}

/** A redis-server of this test's own (no persistence), which the test may stop and start at will. */
export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const server = new PrivateRedis(await freePort());
    await server.start();
    return server;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.child = spawn('redis-server', [...args, '--dir', '/tmp'], { stdio: 'ignore' });
    const up = await eventually(async () => {
      // One attempt per client, no reconnect loop: a refused connect leaves nothing running.
      const [host, port] = this.host.split(':');
      const probe = new Redis({ host, port: Number(port), lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        if (probe.status !== 'end') probe.disconnect();
      }
    });
    if (!up) throw new Error(`redis-server on ${this.host} did not start`);
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server this object started: connections stay open, nothing answers. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child?.kill(signal);
  }

  /** Stops the server this object started (by its own pid) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await stopChild(child);
  }
}
