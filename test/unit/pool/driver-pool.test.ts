import type { Driver } from '../../../src/bindings/driver';
import { createLogger } from '../../../src/runtime/logger';
import { DriverPool } from '../../../src/pool/driver-pool';

function fakeDriver(onClose: () => void = () => undefined): Driver {
  return { operations: {}, close: async () => onClose() };
}

describe('DriverPool', () => {
  const logger = createLogger({}, 'silent');

  it('rebuilds a driver that sat idle longer than its limit (connections may have died while frozen)', async () => {
    let now = 0;
    let closed = 0;
    let created = 0;
    const pool = new DriverPool(logger, () => now);
    const recipe = {
      rebuildAfterIdleMs: 1_000,
      create: async () => {
        created += 1;
        return fakeDriver(() => (closed += 1));
      },
    };
    const first = await pool.acquire('k', recipe);
    now = 900;
    expect(await pool.acquire('k', recipe)).toBe(first);
    now = 2_000;
    const second = await pool.acquire('k', recipe);
    expect(second).not.toBe(first);
    expect(created).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(1);
  });

  it('ignores an eviction of a driver that was already replaced', async () => {
    const pool = new DriverPool(logger);
    const recipe = { create: async () => fakeDriver() };
    const old = pool.acquire('k', recipe);
    await old;
    pool.evict('k', old);
    const fresh = pool.acquire('k', recipe);
    pool.evict('k', old);
    expect(pool.acquire('k', recipe)).toBe(fresh);
    expect(pool.size).toBe(1);
  });

  it('forgets a failed creation so that the next acquire tries again', async () => {
    const pool = new DriverPool(logger);
    await expect(pool.acquire('k', { create: async () => Promise.reject(new Error('down')) })).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    expect(pool.size).toBe(0);
  });

  it('logs but survives a driver whose close fails', async () => {
    const pool = new DriverPool(logger);
    await pool.acquire('k', {
      create: async () => ({ operations: {}, close: async () => Promise.reject(new Error('x')) }),
    });
    await expect(pool.closeAll()).resolves.toBeUndefined();
  });
});
