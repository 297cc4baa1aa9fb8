import { connect, credentials, type ChannelModel, type ConfirmChannel, type SocketOptions } from 'amqplib';
import type { Logger } from '../../runtime/logger';
import { CONNECT_TIMEOUT_MS, queueTtlMs, type RabbitMQConfig } from './spec';

/** One open connection with its confirm channel, and what its events said about it since. */
export interface Link {
  readonly model: ChannelModel;
  readonly channel: ConfirmChannel;
  /** False once the connection or the channel closed: nothing more can be sent on it. */
  open: boolean;
  /** The broker's reason for blocking publishes (a resource alarm), while it lasts. */
  blocked?: string;
  /** The last error the connection or channel reported, for the message of a failed publish. */
  lastError?: Error;
  close(): Promise<void>;
}

/** Socket options for amqplib: the connect timeout and, as daprd, TLS material only when all three PEMs are set. */
export function socketOptions(config: RabbitMQConfig): SocketOptions {
  const options: SocketOptions = { timeout: CONNECT_TIMEOUT_MS };
  if (config.caCert && config.clientCert && config.clientKey) {
    options.ca = [config.caCert];
    options.cert = config.clientCert;
    options.key = config.clientKey;
    if (config.saslExternal) options.credentials = credentials.external();
  }
  return options;
}

/** daprd's queue arguments: `x-message-ttl` (ms) and `x-max-priority`, only when configured. */
export function queueArguments(config: RabbitMQConfig): Record<string, number> {
  const args: Record<string, number> = {};
  const ttlMs = queueTtlMs(config);
  if (ttlMs !== undefined) args['x-message-ttl'] = ttlMs;
  if (config.maxPriority !== undefined) args['x-max-priority'] = config.maxPriority;
  return args;
}

/** Rejects when the signal aborts; a connection that opens after that is closed, not leaked. */
function untilAborted<T extends { close(): Promise<void> }>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    void work.then((late) => late.close()).catch(() => undefined);
    return Promise.reject(new Error('connecting was aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      void work.then((late) => late.close()).catch(() => undefined);
      reject(new Error('connecting was aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function watch(link: Link, logger: Logger): void {
  const { model, channel } = link;
  // amqplib throws an 'error' event nobody listens to: every emitter gets a listener.
  model.on('error', (error: Error) => {
    link.lastError = error;
    logger.debug('rabbitmq connection error', { message: error.message });
  });
  model.on('close', () => {
    link.open = false;
  });
  model.on('blocked', (reason: string) => {
    link.blocked = reason;
  });
  model.on('unblocked', () => {
    link.blocked = undefined;
  });
  channel.on('error', (error: Error) => {
    link.lastError = error;
    logger.debug('rabbitmq channel error', { message: error.message });
  });
  channel.on('close', () => {
    link.open = false;
  });
}

/** How long a graceful close may wait for the broker's close-ok before the socket is destroyed. */
const CLOSE_TIMEOUT_MS = 1_000;

/**
 * Closes gracefully, but never waits on a broker that stopped answering: amqplib's close waits for
 * close-ok without a bound, so the socket (amqplib's `connection.stream`, not in its types) is destroyed.
 */
async function closeBounded(model: ChannelModel): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([model.close().catch(() => 'closed' as const), timedOut]);
    if (outcome === 'timeout') {
      (model.connection as unknown as { stream?: { destroy(): void } }).stream?.destroy();
    }
  } finally {
    clearTimeout(timer);
  }
}

async function openModel(config: RabbitMQConfig, logger: Logger): Promise<Link> {
  const model = await connect(config.host, socketOptions(config));
  // Until `watch` runs, a connection error must not go unhandled either.
  model.on('error', () => undefined);
  const closeModel = () => closeBounded(model);
  try {
    const channel = await model.createConfirmChannel();
    channel.on('error', () => undefined);
    const link: Link = { model, channel, open: true, close: closeModel };
    watch(link, logger);
    // Declared as daprd declares it, so a queue either side created is equivalent for the other.
    await channel.assertQueue(config.queueName, {
      durable: config.durable,
      autoDelete: config.deleteWhenUnused,
      exclusive: config.exclusive,
      arguments: queueArguments(config),
    });
    return link;
  } catch (error) {
    await closeModel();
    throw error;
  }
}

/** Opens a connection and a confirm channel and declares the queue, within the connect timeout and the signal. */
export async function openLink(config: RabbitMQConfig, logger: Logger, signal: AbortSignal): Promise<Link> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), CONNECT_TIMEOUT_MS);
  try {
    return await untilAborted(openModel(config, logger), AbortSignal.any([signal, timeout.signal]));
  } catch (error) {
    if (timeout.signal.aborted) throw new Error(`connect timed out after ${CONNECT_TIMEOUT_MS}ms`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
