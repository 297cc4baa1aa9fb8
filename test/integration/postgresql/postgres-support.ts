import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BundledComponent } from '../../../src/components/types';
import { freePort } from '../../support/processes';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** The test server's URL from `.services.env` or the environment; a missing one fails the suite. */
export function postgresUrl(): string {
  const url = process.env.POSTGRES_URL;
  if (!url) throw new Error('POSTGRES_URL is not set: run `npm run services:up` (or export POSTGRES_URL=postgres://…)');
  return url;
}

/** A postgresql binding component (the test server unless another connection string is given). */
export function postgresComponent(
  name: string,
  extra: Record<string, string> = {},
  connectionString = postgresUrl(),
  type = 'bindings.postgresql',
): BundledComponent {
  const metadata = Object.entries({ connectionString, ...extra }).map(([key, value]) => ({ name: key, value }));
  return { name, type, version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A table name no other test (or run) uses. */
export function uniqueTable(label: string): string {
  return `dapr_test_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A plain pg client for checking what the binding wrote. */
export async function rawClient(connectionString = postgresUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}

/** Runs a command as the `postgres` user when root (postgres refuses root), as scripts/services/postgres.sh does. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** A PostgreSQL 15 server of this test's own (temp data dir, free port), which it may stop and start. */
export class PrivatePostgres {
  private child: ChildProcess | undefined;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb into a temp dir (superuser dapr, password dapr, scram-sha-256 auth) and start the server. */
  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'dapr-pg-'));
    const data = join(dir, 'data');
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, 'dapr\n');
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
      chownSync(pwfile, uid, gid);
    }
    chmodSync(dir, 0o700);
    const [command, args] = asPostgres(`${PG_BIN}/initdb`, [
      '-D',
      data,
      '-U',
      'dapr',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    const init = spawnSync(command, args, { encoding: 'utf8' });
    if (init.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`initdb failed: ${init.stderr}`);
    }
    const server = new PrivatePostgres(dir, await freePort());
    try {
      await server.start();
    } catch (error) {
      await server.destroy();
      throw error;
    }
    return server;
  }

  /** The binding's connection string for this server (the bootstrap database `postgres`). */
  get url(): string {
    return `postgres://dapr:dapr@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const [command, args] = asPostgres(`${PG_BIN}/postgres`, [
      '-D',
      join(this.dir, 'data'),
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ]);
    this.child = spawn(command, args, { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (await this.answers()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`private postgres on port ${this.port} did not start`);
  }

  private async answers(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Stops the server this object started and waits: SIGINT (postgres' fast shutdown) to the postmaster
   * pid its own data directory records, or to the spawned process when that is the postmaster.
   */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let pid = child.pid;
    try {
      pid = Number(readFileSync(join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      // not started far enough to write its pid file: the spawned process is all there is
    }
    if (pid) process.kill(pid, 'SIGINT');
    await exited;
  }

  /** Stops the server and removes its data directory. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}
