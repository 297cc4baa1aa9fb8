import type { MqttClient } from 'mqtt';
import type { Driver, DriverContext, InvokeRequest, OperationContext } from '../driver';
import { parseBrokerUrl } from './broker-url';
import { producerClientId } from './client-id';
import { clientOptions } from './client-options';
import { closeConnection, ConnectionClosedError, openConnection, publishAcked } from './connection';
import { publishTopic } from './request';
import { DEFAULT_WAIT_MS, type Mqtt3Config } from './spec';

/** Publishes tried per call: the first, and one more on a new connection when the first found it closed. */
const PUBLISH_ATTEMPTS = 2;

/** The message of an error, or the thrown value as text. */
function describe(error: unknown): string {
  // Duck-typed: errors from Node's own modules may come from another realm (jest's VM contexts).
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * One publishing connection per component. A connection the broker closed while the binding was
 * idle is replaced before the next publish (nothing was in flight on it); a publish that fails
 * drops its connection and raises a raw error, so the pool rebuilds the driver.
 */
export async function createMqtt3Driver(config: Mqtt3Config, context: DriverContext): Promise<Driver<'create'>> {
  const target = parseBrokerUrl(config.url);
  const clientId = producerClientId(config.consumerID);
  const options = clientOptions(config, target, clientId, context.logger);
  if (config.qos) context.logger.warn("Metadata property 'qos' has been deprecated and is ignored; qos is set to 1");

  let client: MqttClient | undefined;
  let connecting: Promise<MqttClient> | undefined;
  let closed = false;

  const drop = (stale: MqttClient) => {
    stale.end(true);
    if (client === stale) client = undefined;
  };

  /** daprd's `getProducer`: the live connection, or a new one (single-flight). */
  const producer = (signal: AbortSignal): Promise<MqttClient> => {
    if (closed) return Promise.reject(new Error('mqtt client closed'));
    if (client?.connected) return Promise.resolve(client);
    if (client) drop(client);
    connecting ??= openConnection(options, signal, DEFAULT_WAIT_MS)
      .then((opened) => {
        if (closed) {
          opened.end(true);
          throw new Error('mqtt client closed');
        }
        context.logger.debug('connected to the MQTT broker', { address: target.address, clientId });
        client = opened;
        return opened;
      })
      .catch((error: unknown) => {
        throw new Error(`failed to create producer connection: failed to connect: ${describe(error)}`, {
          cause: error,
        });
      })
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  const create = async (request: InvokeRequest, { signal }: OperationContext): Promise<void> => {
    const topic = publishTopic(request, config.topic); // checked before anything is sent
    const message = { topic, payload: request.data, retain: config.retain };
    for (let attempt = 1; ; attempt++) {
      const live = await producer(signal);
      try {
        await publishAcked(live, message, signal, DEFAULT_WAIT_MS);
        return;
      } catch (error) {
        drop(live);
        // QoS 1 is at-least-once and daprd retries a failed publish too (3 times, 200 ms apart); here a
        // connection found closed is retried once on a new one, within the same deadline.
        if (error instanceof ConnectionClosedError && attempt < PUBLISH_ATTEMPTS && !signal.aborted) {
          context.logger.debug('the connection closed during a publish; retrying on a new one', {
            reason: error.message,
          });
          continue;
        }
        throw new Error(`failed to publish: ${describe(error)}`, { cause: error });
      }
    }
  };

  await producer(context.signal);
  return {
    operations: { create },
    close: async () => {
      closed = true;
      const last = client;
      client = undefined;
      if (last) await closeConnection(last);
    },
  };
}
