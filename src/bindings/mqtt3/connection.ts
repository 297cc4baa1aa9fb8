import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { PUBLISH_QOS } from './spec';

/** The connection closed before the broker answered (broker restart, network loss, a socket that died while frozen). */
export class ConnectionClosedError extends Error {
  constructor(cause?: Error) {
    super(cause ? cause.message : 'the connection to the broker was closed', { cause });
    this.name = 'ConnectionClosedError';
  }
}

/** Settles on the first of: the work's outcome, a close of the connection, the timer, the signal. */
function bounded<T>(
  client: MqttClient,
  signal: AbortSignal,
  timeoutMs: number,
  timeoutMessage: string,
  start: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let lastError: Error | undefined;
    const onError = (error: Error) => {
      lastError = error;
    };
    const onClose = () => fail(new ConnectionClosedError(lastError));
    const onAbort = () => fail(new Error('the invocation deadline passed'));
    const timer = setTimeout(() => fail(new Error(timeoutMessage)), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      client.removeListener('error', onError);
      client.removeListener('close', onClose);
      signal.removeEventListener('abort', onAbort);
    };
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    if (signal.aborted) return fail(new Error('the invocation deadline passed'));
    client.on('error', onError);
    client.once('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
    start((value) => {
      cleanup();
      resolve(value);
    }, fail);
  });
}

/**
 * Opens one MQTT connection and waits for the broker's CONNACK. A refusal, a closed socket, the
 * timeout or the signal ends the client at once (it never retries), and rejects.
 */
export async function openConnection(
  options: IClientOptions,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<MqttClient> {
  const client = connect(options);
  // Always listened to: an 'error' event without a listener would crash the process.
  client.on('error', () => undefined);
  try {
    return await bounded<MqttClient>(
      client,
      signal,
      timeoutMs,
      'mqtt client timed out connecting',
      (resolve, reject) => {
        // A CONNACK refusal ("Connection refused: Not authorized") comes as an error before the close.
        const onRefused = (error: Error) => {
          client.removeListener('connect', onConnect);
          reject(error);
        };
        const onConnect = () => {
          client.removeListener('error', onRefused);
          resolve(client);
        };
        client.once('connect', onConnect);
        client.once('error', onRefused);
      },
    );
  } catch (error) {
    client.end(true);
    throw error;
  }
}

/**
 * Publishes one message with QoS 1 and resolves on the broker's PUBACK. Rejects when the connection
 * closes first, on the timeout, or on the signal; the caller then drops the connection, so the
 * unacknowledged message stays in no queue that could send it again.
 */
export function publishAcked(
  client: MqttClient,
  message: { topic: string; payload: Buffer; retain: boolean },
  signal: AbortSignal,
  timeoutMs: number,
): Promise<void> {
  return bounded<void>(client, signal, timeoutMs, 'mqtt client timeout', (resolve, reject) => {
    client.publish(message.topic, message.payload, { qos: PUBLISH_QOS, retain: message.retain }, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Sends DISCONNECT and closes, or drops the socket when that takes longer than `graceMs` (paho's Disconnect(200)). */
export function closeConnection(client: MqttClient, graceMs = 200): Promise<void> {
  if (!client.connected) {
    client.end(true);
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      client.end(true);
      resolve();
    }, graceMs);
    client.end(false, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
