import { defineBinding, field, type DecodedConfig } from '../spec';
import { parseTtlMs, TtlError } from './ttl';
import { urlHasPassword } from '../credentials';

/** How long opening a connection (TCP, TLS, AMQP handshake) may take. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** How long the broker may take to confirm one publish, on top of a reconnect. */
const CONFIRM_TIMEOUT_MS = 10_000;

/** The rabbitmq component's fields, with daprd's names and defaults (bindings/rabbitmq/rabbitmq.go). */
const rabbitmqFields = {
  host: field.string({
    description: 'AMQP URL of the broker, amqp://user:password@host:port/vhost (amqps:// for TLS).',
    required: true,
    sensitive: urlHasPassword,
  }),
  queueName: field.string({
    description: 'Queue declared at connect and published to through the default exchange.',
    required: true,
  }),
  durable: field.bool({ description: 'Declare the queue durable.', default: false }),
  deleteWhenUnused: field.bool({ description: 'Declare the queue auto-delete.', default: false }),
  exclusive: field.bool({ description: 'Declare the queue exclusive to the connection.', default: false }),
  ttl: field.string({
    description: 'Queue-level message TTL (x-message-ttl): a Go duration or a whole number of seconds.',
    aliases: ['ttlInSeconds'],
  }),
  maxPriority: field.number({ description: 'Declare a priority queue (x-max-priority), 0–255.' }),
  caCert: field.string({ description: 'PEM CA certificate; TLS settings apply only with clientCert and clientKey.' }),
  clientCert: field.string({ description: 'PEM client certificate (with caCert and clientKey, amqps:// only).' }),
  clientKey: field.string({ description: 'PEM client key (with caCert and clientCert).', sensitive: true }),
  saslExternal: field.bool({
    description: 'Authenticate with SASL EXTERNAL (the client certificate) when the TLS settings apply.',
    default: false,
    aliases: ['externalSasl'],
  }),
  prefetchCount: field.number({ description: 'Consumer QoS of the input binding; unused here.', ignored: true }),
  reconnectWaitInSeconds: field.duration({
    description: "daprd's background reconnect delay; unused here: a dead connection is reopened by the next call.",
    ignored: true,
  }),
  contentType: field.string({
    description: 'Listed in metadata.yaml but not read by daprd; set `contentType` per request instead.',
    ignored: true,
  }),
};

/** The decoded rabbitmq component configuration. */
export type RabbitMQConfig = DecodedConfig<typeof rabbitmqFields>;

/** The queue-level TTL in milliseconds (daprd's `x-message-ttl`), or undefined when not set. */
export function queueTtlMs(config: Pick<RabbitMQConfig, 'ttl'>): number | undefined {
  if (config.ttl === undefined || config.ttl === '') return undefined;
  return parseTtlMs(config.ttl);
}

/** pem.Decode's test in daprd: the text holds at least one PEM block. */
function isPem(text: string): boolean {
  return /-----BEGIN [^\n-]*-----\r?\n[\s\S]*?-----END [^\n-]*-----/.test(text);
}

function validateRabbitMQConfig(config: RabbitMQConfig): string[] {
  const errors: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(config.host);
  } catch {
    errors.push('metadata "host" is not a URL (amqp://user:password@host:port/vhost)');
  }
  if (url && url.protocol !== 'amqp:' && url.protocol !== 'amqps:') {
    errors.push(`metadata "host" must start with amqp:// or amqps://, not ${url.protocol}//`);
  }
  try {
    queueTtlMs(config);
  } catch (error) {
    if (!(error instanceof TtlError)) throw error;
    errors.push(`failed to parse TTL: ${error.message}`);
  }
  if (config.maxPriority !== undefined && (config.maxPriority < 0 || config.maxPriority > 255)) {
    errors.push(`can't parse maxPriority field: ${config.maxPriority} is not between 0 and 255`);
  }
  if (config.caCert && !isPem(config.caCert)) errors.push('invalid ca certificate');
  if (config.clientCert && !isPem(config.clientCert)) errors.push('invalid client certificate');
  if (config.clientKey && !isPem(config.clientKey)) errors.push('invalid client certificate key');
  return errors;
}

/** The rabbitmq output binding: publishes to one queue through the default exchange. */
export const spec = defineBinding({
  type: 'bindings.rabbitmq',
  versions: ['v1'],
  description:
    'Publishes the data bytes to a queue (declared as daprd declares it) and answers once the broker confirmed it.',
  differences: [
    'Publisher confirms: 204 only after the broker acknowledged the message; a message the broker refuses is a 500 where daprd answers 204.',
    'A dead connection is reopened by the next call instead of a background loop (`reconnectWaitInSeconds` is ignored); a call during an outage fails with `failed to connect to rabbitmq: <cause>` (daprd: `channel/connection is not open`).',
    'Connection URL query parameters follow amqplib (`heartbeat`, `frameMax`, `channelMax`); `prefetchCount` and a component-level `contentType` are accepted and unused, as in daprd.',
  ],
  metadata: rabbitmqFields,
  operations: {
    create: {
      description: 'Publishes the data bytes as they are (no unquoting), persistent; 204 after the broker confirms.',
      metadata: {
        ttlInSeconds: 'Message expiration: a Go duration or a whole number of seconds (also `ttl`).',
        priority: 'Message priority, an integer clamped to 0–255 (needs a queue with maxPriority).',
        contentType: 'Content type property (default text/plain).',
        messageID: 'message-id property.',
        correlationID: 'correlation-id property.',
        type: 'type property.',
        '(every key)': 'Every request metadata entry is also sent as a string header.',
      },
    },
  },
  validate: (config) => validateRabbitMQConfig(config),
  operationTimeoutMs: () => CONNECT_TIMEOUT_MS + CONFIRM_TIMEOUT_MS,
  // Below RabbitMQ's default heartbeat (60 s, two misses close the connection): a sandbox frozen longer
  // may hold a connection the broker already dropped, so it is reopened before the publish is sent.
  rebuildAfterIdleMs: 60_000,
});
