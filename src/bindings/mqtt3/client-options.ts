import { createSecureContext } from 'node:tls';
import type { IClientOptions } from 'mqtt';
import type { Logger } from '../../runtime/logger';
import type { BrokerTarget } from './broker-url';
import { DEFAULT_WAIT_MS, KEEPALIVE_SECONDS, type Mqtt3Config } from './spec';

/** daprd's `newTLSConfig`: a client key pair that does not load is only a warning, and is left out. */
function clientKeyPair(config: Mqtt3Config, logger: Logger): { cert: string; key: string } | undefined {
  if (!config.clientCert || !config.clientKey) return undefined;
  try {
    createSecureContext({ cert: config.clientCert, key: config.clientKey });
    return { cert: config.clientCert, key: config.clientKey };
  } catch (error) {
    logger.warn('Unable to load client certificate and key pair', { reason: (error as Error).message });
    return undefined;
  }
}

/**
 * MQTT.js options for one publishing connection: MQTT 3.1.1, paho's keep-alive, daprd's connect
 * wait, and none of MQTT.js's own recovery. No reconnect loop and no offline queue, so a message is
 * never sent later behind the caller's back; the driver opens a new connection on the next call.
 */
export function clientOptions(
  config: Mqtt3Config,
  target: BrokerTarget,
  clientId: string,
  logger: Logger,
): IClientOptions {
  const secure = target.transport === 'mqtts' || target.transport === 'wss';
  const keyPair = secure ? clientKeyPair(config, logger) : undefined;
  return {
    protocol: target.transport,
    host: target.host,
    hostname: target.host,
    port: target.port,
    // daprd connects to `scheme://host` only: a websocket goes to "/" whatever path the URL had.
    path: '/',
    protocolVersion: 4,
    clientId,
    clean: config.cleanSession,
    keepalive: KEEPALIVE_SECONDS,
    connectTimeout: DEFAULT_WAIT_MS,
    reconnectPeriod: 0,
    reconnectOnConnackError: false,
    queueQoSZero: false,
    resubscribe: false,
    // paho sends a password only together with a user name (MQTT 3.1.1 §3.1.2.9).
    username: target.username,
    password: target.username === undefined ? undefined : target.password,
    ...(secure && config.caCert ? { ca: config.caCert } : {}),
    ...(keyPair ?? {}),
    rejectUnauthorized: true,
  };
}
