import {
  CompressionTypes,
  logLevel,
  type KafkaConfig as KafkaJsConfig,
  type SASLOptions,
  type logCreator,
  type RetryOptions,
} from 'kafkajs';
import type { Logger } from '../../runtime/logger';
import { effectiveAuthType, tlsEnabled, type KafkaConfig } from './spec';

const SASL_MECHANISMS = { PLAIN: 'plain', 'SHA-256': 'scram-sha-256', 'SHA-512': 'scram-sha-512' } as const;

/** Maps daprd's `producerRequiredAcks` to Kafka's acks value. */
export const ACKS = { all: -1, local: 1, none: 0 } as const;

/** Maps daprd's `compression` to kafkajs's codec. */
export const COMPRESSION = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP } as const;

function sasl(config: KafkaConfig): SASLOptions | undefined {
  if (effectiveAuthType(config) !== 'password') return undefined;
  return {
    mechanism: SASL_MECHANISMS[config.saslMechanism],
    username: config.saslUsername ?? '',
    password: config.saslPassword ?? '',
  } as SASLOptions;
}

function ssl(config: KafkaConfig): KafkaJsConfig['ssl'] {
  if (!tlsEnabled(config)) return false;
  return {
    rejectUnauthorized: !config.skipVerify,
    ...(config.caCert ? { ca: [config.caCert] } : {}),
    ...(config.clientCert ? { cert: config.clientCert, key: config.clientKey } : {}),
  };
}

/** Routes kafkajs's own log lines to our logger, at warn and above. */
function logCreatorFor(logger: Logger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...fields } = log;
      if (level === logLevel.ERROR) logger.warn(`kafkajs: ${message}`, fields);
      else logger.debug(`kafkajs: ${message}`, fields);
    };
}

/** Retries inside one call; the call's deadline bounds them all. kafkajs applies them per client and per producer. */
export function retryOptions(config: KafkaConfig): RetryOptions {
  return { retries: config.producerRetryMax, initialRetryTime: 100, maxRetryTime: 2_000 };
}

/** The kafkajs client options for a component: brokers, TLS, SASL, timeouts and logging. */
export function kafkaClientConfig(config: KafkaConfig, logger: Logger): KafkaJsConfig {
  return {
    clientId: config.clientID,
    brokers: config.brokers.split(',').map((broker) => broker.trim()),
    ssl: ssl(config),
    sasl: sasl(config),
    connectionTimeout: config.dialTimeout,
    authenticationTimeout: config.dialTimeout,
    requestTimeout: config.writeTimeout,
    retry: retryOptions(config),
    logLevel: logLevel.ERROR,
    logCreator: logCreatorFor(logger),
  };
}
