import type { Driver } from '../bindings/driver';
import { describeError, type Logger } from '../runtime/logger';

/** Anything the pool can hold: binding drivers and secret store clients. */
export interface Closable {
  close(): Promise<void>;
}

interface PoolEntry<T> {
  driver: Promise<T>;
  lastUsedAt: number;
}

/** How to create one component's driver, and when an idle one is no longer trusted. */
export interface DriverRecipe<T extends Closable = Driver> {
  create: () => Promise<T>;
  rebuildAfterIdleMs?: number;
}

/**
 * One live driver per component in module scope: created on first use, shared by concurrent first
 * calls, kept across warm invocations, replaced after a failure or a long idle spell.
 */
export class DriverPool<T extends Closable = Driver> {
  private readonly entries = new Map<string, PoolEntry<T>>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The component's driver, creating it (once, however many callers wait) when there is none. */
  acquire(name: string, recipe: DriverRecipe<T>): Promise<T> {
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
    const entry: PoolEntry<T> = { driver, lastUsedAt: now };
    this.entries.set(name, entry);
    // A failed creation must not stick: the next call tries again.
    driver.catch(() => {
      if (this.entries.get(name) === entry) this.entries.delete(name);
    });
    return driver;
  }

  /** Drops the component's driver (only if it is still `driver`, when given), closing it in the background. */
  evict(name: string, driver?: Promise<T>): void {
    const entry = this.entries.get(name);
    if (!entry || (driver !== undefined && entry.driver !== driver)) return;
    this.entries.delete(name);
    void this.close(name, entry.driver);
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

  private async close(name: string, driver: Promise<T>): Promise<void> {
    try {
      await (await driver).close();
    } catch (error) {
      this.logger.debug('closing a driver failed', { component: name, ...describeError(error) });
    }
  }
}
