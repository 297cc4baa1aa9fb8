import { EventEmitter } from 'node:events';
import type { Connection } from 'mysql2/promise';
import { ConnectionPool, PoolClosedError, type PoolLimits } from '../../../../src/bindings/mysql/connection-pool';

/** A stand-in for a mysql2 promise connection: events, and a record of being destroyed. */
class FakeConnection extends EventEmitter {
  destroyed = false;
  readonly connection = { stream: { destroy: () => undefined } };
  destroy(): void {
    this.destroyed = true;
  }
}

function setup(limits: Partial<PoolLimits> = {}) {
  let now = 0;
  const opened: FakeConnection[] = [];
  const pool = new ConnectionPool(
    async () => {
      const connection = new FakeConnection();
      opened.push(connection);
      return connection as unknown as Connection;
    },
    { maxOpen: 2, maxIdle: 2, maxLifetimeMs: 0, maxIdleMs: 60_000, ...limits },
    () => now,
  );
  return { pool, opened, advance: (ms: number) => (now += ms) };
}

const live = () => new AbortController().signal;

describe('ConnectionPool', () => {
  it('reuses an idle connection', async () => {
    const { pool, opened } = setup();
    pool.release(await pool.acquire(live()));
    pool.release(await pool.acquire(live()));
    expect(opened).toHaveLength(1);
  });

  it('drops a connection idle longer than maxIdleMs, or older than maxLifetimeMs, before use', async () => {
    const { pool, opened, advance } = setup({ maxLifetimeMs: 100_000 });
    pool.release(await pool.acquire(live()));
    advance(60_001);
    pool.release(await pool.acquire(live()));
    expect(opened).toHaveLength(2);
    expect(opened[0]!.destroyed).toBe(true);
    for (let i = 0; i < 3; i += 1) {
      advance(40_000);
      pool.release(await pool.acquire(live()));
    }
    expect(opened).toHaveLength(3);
  });

  it('drops a connection that ended or failed while idle', async () => {
    const { pool, opened } = setup();
    pool.release(await pool.acquire(live()));
    opened[0]!.emit('end');
    pool.release(await pool.acquire(live()));
    expect(opened).toHaveLength(2);
    opened[1]!.emit('error', new Error('Connection lost'));
    await pool.acquire(live());
    expect(opened).toHaveLength(3);
  });

  it('opens at most maxOpen connections; a caller waits for a release', async () => {
    const { pool, opened } = setup({ maxOpen: 1 });
    const first = await pool.acquire(live());
    const waiting = pool.acquire(live());
    pool.release(first);
    expect(await waiting).toBe(first);
    expect(opened).toHaveLength(1);
  });

  it('gives up waiting when the signal aborts, and opens a new one after a discard', async () => {
    const { pool, opened } = setup({ maxOpen: 1 });
    const first = await pool.acquire(live());
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    pool.discard(first);
    expect(opened[0]!.destroyed).toBe(true);
    await pool.acquire(live());
    expect(opened).toHaveLength(2);
  });

  it('keeps at most maxIdle connections', async () => {
    const { pool, opened } = setup({ maxIdle: 1 });
    const a = await pool.acquire(live());
    const b = await pool.acquire(live());
    pool.release(a);
    pool.release(b);
    expect(opened.filter((c) => c.destroyed)).toHaveLength(1);
  });

  it('refuses calls once closed, destroying idle connections and those released later', async () => {
    const { pool, opened } = setup();
    const leased = await pool.acquire(live());
    pool.release(await pool.acquire(live()));
    pool.close();
    expect(opened[1]!.destroyed).toBe(true);
    await expect(pool.acquire(live())).rejects.toBeInstanceOf(PoolClosedError);
    pool.release(leased);
    expect(opened[0]!.destroyed).toBe(true);
  });
});
