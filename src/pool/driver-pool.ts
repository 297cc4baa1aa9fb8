import type { Driver } from '../bindings/driver';
import { describeError, type Logger } from '../runtime/logger';

interface PoolEntry {
  driver: Promise<Driver>;
  lastUsedAt: number;
}

/** How to create one component's driver, and when an idle one is no longer trusted. */
export interface DriverRecipe {
  create: () => Promise<Driver>;
  rebuildAfterIdleMs?: number;
}

/**
 * One live driver per component in module scope: created on first use, shared by concurrent first
 * calls, kept across warm invocations, replaced after a failure or a long idle spell.
 */
export class DriverPool {
  private readonly entries = new Map<string, PoolEntry>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The component's driver, creating it (once, however many callers wait) when there is none. */
  acquire(name: string, recipe: DriverRecipe): Promise<Driver> {
    const existing = this.entries.get(name);
    const now = this.now();
    if (existing) {
      const idle = now - existing.lastUsedAt;
      if (recipe.rebuildAfterIdleMs === undefined || idle <= recipe.rebuildAfterIdleMs) {
        existing.lastUsedAt = now;
        return existing.driver;
      }
      this.logger.info('rebuilding idle driver', { component: name, idleMs: idle });
      this.evict(name, existing.driver);
    }
    const driver = recipe.create();
    const entry: PoolEntry = { driver, lastUsedAt: now };
    this.entries.set(name, entry);
    // A failed creation must not stick: the next call tries again.
    driver.catch(() => {
      if (this.entries.get(name) === entry) this.entries.delete(name);
    });
    return driver;
  }

  /** Drops the component's driver if it is still `driver`, closing it in the background. */
  evict(name: string, driver: Promise<Driver>): void {
    const entry = this.entries.get(name);
    if (entry?.driver !== driver) return;
    this.entries.delete(name);
    void this.close(name, driver);
  }

  /** Closes every driver, for SIGTERM and tests. */
  async closeAll(): Promise<void> {
    const all = [...this.entries.entries()];
    this.entries.clear();
    await Promise.all(all.map(([name, entry]) => this.close(name, entry.driver)));
  }

  /** How many drivers are held, for tests and the metadata answer. */
  get size(): number {
    return this.entries.size;
  }

  private async close(name: string, driver: Promise<Driver>): Promise<void> {
    try {
      await (await driver).close();
    } catch (error) {
      this.logger.debug('closing a driver failed', { component: name, ...describeError(error) });
    }
  }
}
