import type { ConfirmChannel, Options } from 'amqplib';
import { DriverFailureError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, OperationContext } from '../driver';
import { openLink, type Link } from './connection';
import { publishOptions } from './request';
import type { RabbitMQConfig } from './spec';

/** The prefix daprd puts on every failed publish (bindings/rabbitmq/rabbitmq.go). */
const PUBLISH_FAILED = 'failed to publish message';

/** An error's message; node's socket errors may come from another realm (under jest), so no `instanceof`. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** A connect failure, in words that never include the URL (it carries the password). */
function connectError(error: unknown): Error {
  const message = messageOf(error);
  return new Error(`failed to connect to rabbitmq: ${message}`, { cause: error });
}

/**
 * Publishes once and waits for the broker's confirm. Nothing is ever published again: an abort or a
 * closed channel leaves the outcome unknown, and the caller gets an error.
 */
function publishConfirmed(
  channel: ConfirmChannel,
  queue: string,
  data: Buffer,
  options: Options.Publish,
  signal: AbortSignal,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new Error(`${PUBLISH_FAILED}: no confirm from the broker before the deadline`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error as Error);
      else resolve();
    };
    try {
      channel.publish('', queue, data, options, settle);
    } catch (error) {
      // Refused before anything was written (channel already closed, headers too large).
      settle(error);
    }
  });
}

/** Connects one confirm channel for a component (declaring its queue) and publishes with confirms. */
export async function createRabbitMQDriver(config: RabbitMQConfig, context: DriverContext): Promise<Driver<'create'>> {
  const { logger } = context;
  let link: Link;
  try {
    link = await openLink(config, logger, context.signal);
  } catch (error) {
    throw connectError(error);
  }
  let closed = false;
  let reopening: Promise<Link> | undefined;

  /** A link that closed while idle had nothing in flight: reopening it before sending is safe. */
  const ready = async (signal: AbortSignal): Promise<Link> => {
    if (link.open) return link;
    if (closed) throw new Error('rabbitmq binding: the driver is closed');
    reopening ??= openLink(config, logger, signal)
      .then(async (fresh) => {
        if (closed) {
          await fresh.close();
          throw new Error('the driver was closed while reconnecting');
        }
        const stale = link;
        link = fresh;
        void stale.close();
        return fresh;
      })
      .catch((error: unknown) => {
        logger.warn('rabbitmq reconnect failed', { message: messageOf(error) });
        throw connectError(error);
      })
      .finally(() => {
        reopening = undefined;
      });
    return reopening;
  };

  const create = async (request: InvokeRequest, { signal }: OperationContext): Promise<void> => {
    const options = publishOptions(request); // validates the request before anything is sent
    const current = await ready(signal);
    if (current.blocked !== undefined) {
      throw new DriverFailureError(
        request.name,
        `${PUBLISH_FAILED}: the broker blocks publishing (${current.blocked}); nothing was sent`,
      );
    }
    try {
      await publishConfirmed(current.channel, config.queueName, request.data, options, signal);
    } catch (error) {
      const message = messageOf(error);
      if (message.startsWith(PUBLISH_FAILED)) throw error;
      // A nack is the broker's answer on a sound channel; anything else (closed channel) rebuilds the driver.
      if (message === 'message nacked') {
        throw new DriverFailureError(request.name, `${PUBLISH_FAILED}: the broker nacked the message`, {
          cause: error,
        });
      }
      if (typeof error === 'object' && error !== null && (error as Error).name === 'RangeError') {
        throw new DriverFailureError(request.name, `${PUBLISH_FAILED}: ${message}`, { cause: error });
      }
      const reason = current.lastError?.message ?? message;
      throw new Error(`${PUBLISH_FAILED}: ${reason}`, { cause: error });
    }
  };

  return {
    operations: { create },
    close: async () => {
      closed = true;
      await link.close();
    },
  };
}
