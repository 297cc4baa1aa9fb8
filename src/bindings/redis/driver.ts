import Redis, { type RedisOptions } from 'ioredis';
import { DriverFailureError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse } from '../driver';
import { commandsFor, type RedisCommand } from './request';
import { NONE, resolveAddress, timeouts, type RedisConfig } from './spec';

type Operation = 'create' | 'delete' | 'get' | 'increment';

const READS = new Set(['GET', 'GETDEL']);

/** ioredis options for one component: one connection, no offline queue, no automatic reconnect. */
export function redisOptions(config: RedisConfig): RedisOptions {
  const { host, port } = resolveAddress(config);
  const { dialMs } = timeouts(config);
  return {
    host,
    port,
    username: config.redisUsername || undefined,
    password: config.redisPassword || undefined,
    db: config.redisDB,
    connectTimeout: dialMs,
    lazyConnect: true,
    // A dead server fails the call at once instead of queueing it; the driver reconnects (or the
    // pool rebuilds it) on the next call, so a command is never resent behind the caller's back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: () => null,
    tls: config.enableTLS
      ? {
          servername: /^[\d.]+$|:/.test(host) ? undefined : host,
          rejectUnauthorized: !config.insecureSkipTLSVerify,
          cert: config.clientCert || undefined,
          key: config.clientKey || undefined,
        }
      : undefined,
  };
}

function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}

/** Bounds one command; a command that timed out leaves the connection in doubt (a raw error rebuilds it). */
function bounded<T>(promise: Promise<T>, ms: number, command: string): Promise<T> {
  if (ms === NONE) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis: ${command} timed out after ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects one ioredis client for a component and exposes daprd's four operations. */
export async function createRedisDriver(config: RedisConfig, context: DriverContext): Promise<Driver<Operation>> {
  const options = redisOptions(config);
  const address = `${options.host}:${options.port}`;
  const { readMs, writeMs } = timeouts(config);
  const client = new Redis(options);
  // Without a listener ioredis prints connection errors itself; they surface through the calls.
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
    context.logger.debug('redis connection error', { message: error.message });
  });
  let closed = false;
  // ioredis arms a 2 s timer to destroy the socket on every disconnect, which a socket that is already
  // closed never clears: only disconnect a live one.
  const disconnect = () => {
    if (client.status !== 'end') client.disconnect();
  };
  let connecting: Promise<void> | undefined;

  /** daprd's Init/Ping message for a connection that cannot be made. */
  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    lastError = undefined;
    connecting = client
      .connect()
      .catch((error: unknown) => {
        disconnect();
        // ioredis rejects with "Connection is closed."; the socket's own error (ECONNREFUSED…) says more.
        const cause = lastError ?? (error as Error);
        throw new Error(`redis binding: error connecting to redis at ${address}: ${cause.message}`, { cause });
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  /** A connection the server closed while idle is known to be unused: reconnecting before sending is safe. */
  const ready = async (): Promise<void> => {
    if (client.status === 'ready') return;
    if (closed) throw new Error('redis binding: the driver is closed');
    if (client.status === 'end' || client.status === 'close' || client.status === 'wait') await connect();
    else if (connecting) await connecting;
    const status: string = client.status;
    if (status !== 'ready') throw new Error(`redis binding: connection to ${address} is ${status}`);
  };

  const send = async (command: RedisCommand): Promise<unknown> => {
    const [name, ...args] = command;
    try {
      return await bounded(client.callBuffer(name, ...args), READS.has(name) ? readMs : writeMs, name);
    } catch (error) {
      // The server answered with an error (WRONGTYPE, not an integer, NOPERM…): the connection is sound.
      if (isReplyError(error)) throw new DriverFailureError(context.name, error.message, { cause: error });
      // ioredis refuses before writing when the socket has just closed: nothing reached the server.
      if (error instanceof Error && error.message.startsWith("Stream isn't writeable")) {
        throw new Error(`redis binding: the connection to ${address} was closed; ${name} was not sent`, {
          cause: error,
        });
      }
      throw error;
    }
  };

  const run = async (request: InvokeRequest): Promise<InvokeResponse | void> => {
    const commands = commandsFor(request); // validates the request before anything is sent
    await ready();
    let reply: unknown;
    for (const command of commands) reply = await send(command);
    if (request.operation !== 'get') return undefined;
    // A missing key answers 200 with an empty body, as daprd's `&InvokeResponse{}`.
    return { data: Buffer.isBuffer(reply) ? reply : Buffer.alloc(0) };
  };

  const abort = () => disconnect();
  context.signal.addEventListener('abort', abort, { once: true });
  try {
    await connect();
  } finally {
    context.signal.removeEventListener('abort', abort);
  }
  return {
    operations: { create: run, delete: run, get: run, increment: run },
    close: async () => {
      closed = true;
      disconnect();
    },
  };
}
