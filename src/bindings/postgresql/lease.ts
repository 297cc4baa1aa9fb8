import type { Pool, PoolClient } from 'pg';
import { sendCancelRequest } from './cancel';

/** The backend identity pg keeps from BackendKeyData (untyped in @types/pg). */
interface BackendKey {
  processID?: number | null;
  secretKey?: number | null;
}

/**
 * Gives up on a connection whose statement outlived the deadline: asks the server to cancel the
 * statement (so it does not run on) and destroys the socket (so the call fails at once).
 */
function abandon(client: PoolClient): void {
  const { processID, secretKey } = client as unknown as BackendKey;
  if (typeof processID === 'number' && typeof secretKey === 'number') {
    sendCancelRequest(client.host, client.port, processID, secretKey);
  }
  client.connection.stream.destroy();
}

/** pgxpool pings a connection before use when it has been idle longer than this. */
const PING_AFTER_IDLE_MS = 1_000;

/** Connections that fail their ping are replaced at most this many times per call. */
const PING_RETRIES = 2;

/** One call's hold on a pooled connection: released once, and given up if the call's deadline passes. */
export class Lease {
  private released = false;
  private readonly onAbort = () => {
    abandon(this.client);
    this.release(true);
  };

  constructor(
    readonly client: PoolClient,
    private readonly signal: AbortSignal,
    private readonly lastUsed: WeakMap<PoolClient, number>,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Hands the connection back, or destroys it when its state is in doubt. */
  release(destroy: boolean): void {
    if (this.released) return;
    this.released = true;
    this.signal.removeEventListener('abort', this.onAbort);
    if (!destroy) this.lastUsed.set(this.client, Date.now());
    this.client.release(destroy);
  }
}

/**
 * A pooled connection for one call, given up (cancelled and destroyed) if the deadline passes while
 * it is in use. Like pgxpool, a connection idle for more than a second is pinged first and replaced
 * when the ping fails, so a connection the server dropped is not used.
 */
export async function lease(pool: Pool, signal: AbortSignal, lastUsed: WeakMap<PoolClient, number>): Promise<Lease> {
  for (let attempt = 1; ; attempt++) {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // pgx acquires the connection inside Query/Exec: its dial errors carry the same prefix.
      throw new Error(`error executing query: failed to connect: ${(error as Error).message}`, { cause: error });
    }
    const leased = new Lease(client, signal, lastUsed);
    if (signal.aborted) {
      leased.release(true);
      throw new Error('the deadline passed while connecting');
    }
    const idleSince = lastUsed.get(client);
    if (idleSince === undefined || Date.now() - idleSince <= PING_AFTER_IDLE_MS || attempt > PING_RETRIES) {
      return leased;
    }
    try {
      await client.query(';');
      return leased;
    } catch {
      leased.release(true);
    }
  }
}
