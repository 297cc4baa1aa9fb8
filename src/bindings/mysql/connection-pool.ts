/**
 * A few mysql2 connections for one component, with database/sql's limits (maxOpenConns,
 * maxIdleConns, connMaxLifetime, connMaxIdleTime) and what a Lambda sandbox needs on top: a socket
 * that died while the sandbox was frozen is dropped before use, and an aborted call destroys its
 * connection so nothing outlives the deadline.
 */
import type { Connection } from 'mysql2/promise';

/** One open connection and its bookkeeping. */
export interface Lease {
  readonly connection: Connection;
  readonly createdAt: number;
  lastUsedAt: number;
  dead: boolean;
}

/** Pool limits in database/sql's terms; 0 means "no limit" for the durations. */
export interface PoolLimits {
  maxOpen: number;
  maxIdle: number;
  maxLifetimeMs: number;
  maxIdleMs: number;
}

/** The pool was closed: by the `close` operation, an eviction, or SIGTERM. */
export class PoolClosedError extends Error {}

/**
 * Closes a connection's socket at once. mysql2's `destroy()` only half-closes it (`stream.end()`),
 * which leaves the socket open as long as a hung server does not answer.
 */
export function destroyConnection(connection: Connection): void {
  connection.destroy();
  // mysql2's typings omit the core connection behind the promise wrapper.
  (connection as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

function destroy(lease: Lease): void {
  lease.dead = true;
  destroyConnection(lease.connection);
}

/** Rejects when `signal` aborts, with the signal's reason. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A bounded set of connections opened on demand by `open`. */
export class ConnectionPool {
  private readonly idle: Lease[] = [];
  private readonly waiters: Array<(lease: Lease | undefined) => void> = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly connect: () => Promise<Connection>,
    private readonly limits: PoolLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** A usable connection: an idle one still alive and young enough, or a new one within maxOpen. */
  async acquire(signal: AbortSignal): Promise<Lease> {
    // Lets pending socket events (a FIN or RST that arrived while the sandbox was frozen) run first,
    // as go-sql-driver's checkConnLiveness reads the socket before reusing a connection.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      if (this.closed) throw new PoolClosedError('component is closed');
      const lease = this.idle.pop();
      if (lease) {
        if (this.usable(lease)) return lease;
        this.discard(lease);
        continue;
      }
      if (this.open < this.limits.maxOpen) return this.create(signal);
      const released = await abortable(new Promise<Lease | undefined>((resolve) => this.waiters.push(resolve)), signal);
      if (released) return released;
    }
  }

  /** Returns a connection after a call; a dead one, or one beyond maxIdle, is closed. */
  release(lease: Lease): void {
    lease.lastUsedAt = this.now();
    if (this.closed || lease.dead) return this.discard(lease);
    const waiter = this.waiters.shift();
    if (waiter) return waiter(lease);
    if (this.idle.length >= this.limits.maxIdle) return this.discard(lease);
    this.idle.push(lease);
  }

  /** Destroys a connection whose state is unknown (aborted or failed mid-call). */
  discard(lease: Lease): void {
    if (!lease.dead) destroy(lease);
    this.open -= 1;
    // A waiter may now open a connection of its own.
    this.waiters.shift()?.(undefined);
  }

  /** Closes every idle connection and refuses new calls; leased ones are destroyed on release. */
  close(): void {
    this.closed = true;
    for (const lease of this.idle.splice(0)) this.discard(lease);
    for (const waiter of this.waiters.splice(0)) waiter(undefined);
  }

  private usable(lease: Lease): boolean {
    const now = this.now();
    if (lease.dead) return false;
    if (this.limits.maxIdleMs > 0 && now - lease.lastUsedAt > this.limits.maxIdleMs) return false;
    return !(this.limits.maxLifetimeMs > 0 && now - lease.createdAt > this.limits.maxLifetimeMs);
  }

  private async create(signal: AbortSignal): Promise<Lease> {
    this.open += 1;
    const pending = this.connect();
    let connection: Connection;
    try {
      connection = await abortable(pending, signal);
    } catch (error) {
      this.open -= 1;
      // A connection that arrives after the deadline is closed, not leaked.
      pending.then(destroyConnection).catch(() => undefined);
      throw error;
    }
    const now = this.now();
    const lease: Lease = { connection, createdAt: now, lastUsedAt: now, dead: false };
    const markDead = () => {
      lease.dead = true;
    };
    // Without a listener, mysql2 throws the error of a connection that dies while idle.
    connection.on('error', markDead);
    connection.once('end', markDead);
    if (this.closed) {
      this.discard(lease);
      throw new PoolClosedError('component is closed');
    }
    return lease;
  }
}
