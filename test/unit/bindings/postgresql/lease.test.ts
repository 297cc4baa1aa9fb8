import type { Pool, PoolClient } from 'pg';
import { lease } from '../../../../src/bindings/postgresql/lease';

/** A pooled client double: records pings and releases; its ping fails when told to. */
function fakeClient(pingFails: boolean) {
  const released: boolean[] = [];
  const client = {
    host: '127.0.0.1',
    port: 1,
    pings: 0,
    released,
    connection: { stream: { destroy: jest.fn() } },
    query: jest.fn(async () => {
      client.pings++;
      if (pingFails) throw new Error('Connection terminated unexpectedly');
      return {};
    }),
    release: (destroy?: boolean) => released.push(Boolean(destroy)),
  };
  return client;
}

function fakePool(clients: Array<ReturnType<typeof fakeClient>>): Pool {
  const queue = [...clients];
  return { connect: async () => queue.shift() as unknown as PoolClient } as unknown as Pool;
}

describe('postgresql connection lease (pgxpool acquire semantics)', () => {
  it('uses a connection idle for a second or less without pinging it', async () => {
    const client = fakeClient(false);
    const lastUsed = new WeakMap<PoolClient, number>([[client as unknown as PoolClient, Date.now()]]);
    const leased = await lease(fakePool([client]), new AbortController().signal, lastUsed);
    expect(leased.client).toBe(client);
    expect(client.pings).toBe(0);
  });

  it('pings a connection idle for longer, and replaces it when the ping fails', async () => {
    const dead = fakeClient(true);
    const fresh = fakeClient(false);
    const lastUsed = new WeakMap<PoolClient, number>([[dead as unknown as PoolClient, Date.now() - 5_000]]);
    const leased = await lease(fakePool([dead, fresh]), new AbortController().signal, lastUsed);
    expect(dead.pings).toBe(1);
    expect(dead.released).toEqual([true]);
    expect(leased.client).toBe(fresh);
    expect(fresh.pings).toBe(0); // a new connection has just proved itself
  });

  it('records the release time of a sound connection and destroys one in doubt, once', async () => {
    const client = fakeClient(false);
    const lastUsed = new WeakMap<PoolClient, number>();
    const leased = await lease(fakePool([client]), new AbortController().signal, lastUsed);
    leased.release(false);
    leased.release(true);
    expect(client.released).toEqual([false]);
    expect(lastUsed.get(client as unknown as PoolClient)).toBeLessThanOrEqual(Date.now());
  });

  it('destroys the socket and the connection when the deadline passes during use', async () => {
    const client = fakeClient(false);
    const controller = new AbortController();
    await lease(fakePool([client]), controller.signal, new WeakMap());
    controller.abort();
    expect(client.connection.stream.destroy).toHaveBeenCalledTimes(1);
    expect(client.released).toEqual([true]);
  });

  it('wraps a failed connect as pgx does', async () => {
    const pool = {
      connect: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    } as unknown as Pool;
    await expect(lease(pool, new AbortController().signal, new WeakMap())).rejects.toThrow(
      'error executing query: failed to connect: connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});
