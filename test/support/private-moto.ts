import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopChild } from './processes';

/** The moto_server executable from `.services.env` (MOTO_SERVER); missing is an error, never a skip. */
export function motoServerPath(): string {
  const path = process.env.MOTO_SERVER;
  if (!path) throw new Error('MOTO_SERVER is not set: run `npm run services:up` (npm test does it for you)');
  return path;
}

/**
 * A moto_server of one test's own on a free port, which the test may stop and start at will
 * (the shared one at MOTO_ENDPOINT is never stopped). moto keeps state in memory only: after a
 * restart, buckets, queues and tables must be created again.
 */
export class PrivateMoto {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  /** Starts a new server on a free port and waits until it answers. */
  static async start(): Promise<PrivateMoto> {
    const moto = new PrivateMoto(await freePort());
    await moto.start();
    return moto;
  }

  /** `http://127.0.0.1:<port>`, for a component's `endpoint` and the test's own SDK clients. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and waits up to 30 s until moto answers. */
  async start(): Promise<void> {
    this.child = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', String(this.port)], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`moto_server exited with ${this.child.exitCode}`);
      const up = await fetch(`${this.endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`moto_server on ${this.endpoint} did not answer within 30 s`);
  }

  /** Stops the server this object started and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await stopChild(child);
  }
}
