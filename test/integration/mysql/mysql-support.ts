import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { BundledComponent } from '../../../src/components/types';
import { freePort, stopChild } from '../../support/processes';

/** The test server's Go DSN from `.services.env`; a missing one fails the suite. */
export function mysqlDsn(): string {
  const dsn = process.env.MYSQL_DSN;
  if (!dsn)
    throw new Error(
      'MYSQL_DSN is not set: run `npm run services:up` (or export MYSQL_DSN=user:pass@tcp(host:port)/db)',
    );
  return dsn;
}

/** The test server's URL from `.services.env`, for the checking client; a missing one fails the suite. */
export function mysqlUrl(): string {
  const url = process.env.MYSQL_URL;
  if (!url) throw new Error('MYSQL_URL is not set: run `npm run services:up` (or export MYSQL_URL=mysql://…)');
  return url;
}

/** A mysql binding component with the given DSN (the test server's unless given). */
export function mysqlComponent(name: string, extra: Record<string, string> = {}, url = mysqlDsn()): BundledComponent {
  const metadata = Object.entries({ url, ...extra }).map(([key, value]) => ({ name: key, value }));
  return { name, type: 'bindings.mysql', version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A table name no other test (or run) uses. */
export function uniqueTable(label: string): string {
  return `dapr_test_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A plain client for setting up and checking what the binding did. */
export function rawConnection(url = mysqlUrl()): Promise<mysql.Connection> {
  return mysql.createConnection({ uri: url, supportBigNumbers: true, bigNumberStrings: true });
}

const isRoot = process.getuid?.() === 0;

/**
 * A mariadbd of this test's own (temp datadir from mariadb-install-db, a free port, no grant
 * tables), which the test may stop and start at will; never the shared test server.
 */
export class PrivateMariadb {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly extraArgs: string[],
  ) {}

  /** Installs a datadir and starts the server; `extraArgs(dir)` adds mariadbd options (files go in `dir`). */
  static async start(extraArgs: (dir: string) => string[] = () => []): Promise<PrivateMariadb> {
    const dir = mkdtempSync(join(tmpdir(), 'dapr-mariadb-'));
    chmodSync(dir, 0o755);
    const datadir = join(dir, 'data');
    const user = isRoot ? ['--user=mysql'] : [];
    mkdirSync(datadir);
    if (isRoot) {
      // mariadbd drops to the `mysql` user, which must own its datadir.
      const uid = Number(spawnSync('id', ['-u', 'mysql']).stdout.toString().trim());
      const gid = Number(spawnSync('id', ['-g', 'mysql']).stdout.toString().trim());
      chownSync(datadir, uid, gid);
      chownSync(dir, uid, gid);
    }
    const install = spawnSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${datadir}`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
    const server = new PrivateMariadb(await freePort(), dir, extraArgs(dir));
    await server.start();
    return server;
  }

  /** The binding's DSN for this server (root, no grant tables: any password is accepted). */
  get dsn(): string {
    return `root@tcp(127.0.0.1:${this.port})/mysql`;
  }

  async start(): Promise<void> {
    const user = isRoot ? ['--user=mysql'] : [];
    this.child = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        ...user,
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadbd.sock')}`,
        `--pid-file=${join(this.dir, 'mariadbd.pid')}`,
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=16M',
        ...this.extraArgs,
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`mariadbd exited with ${this.child.exitCode}`);
      try {
        const probe = await mysql.createConnection({
          host: '127.0.0.1',
          port: this.port,
          user: 'root',
          connectTimeout: 1000,
        });
        await probe.end();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error('private mariadbd did not start within 30s');
  }

  /** Sends a signal to the server (SIGSTOP/SIGCONT to make it hang and resume). */
  signal(name: NodeJS.Signals): void {
    this.child?.kill(name);
  }

  /** Stops the server (SIGTERM, a clean shutdown) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await stopChild(child, 'SIGTERM');
  }

  /** Stops the server and removes its datadir. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
