import { defineBinding, field, type DecodedConfig } from '../spec';

// Consumer-side fields of daprd's Kafka component: accepted so that a shared file loads, unused here.
const consumerOnly = [
  'topics',
  'consumerGroup',
  'consumerID',
  'initialOffset',
  'version',
  'readTimeout',
  'metadataTimeout',
  'consumeRetryEnabled',
  'consumeRetryInterval',
  'heartbeatInterval',
  'sessionTimeout',
  'channelBufferSize',
  'consumerFetchMin',
  'consumerFetchDefault',
  'consumerGroupRebalanceStrategy',
  'escapeHeaders',
  'clientConnectionTopicMetadataRefreshInterval',
  'clientConnectionKeepAliveInterval',
  'backOffPolicy',
  'backOffDuration',
  'backOffInitialInterval',
  'backOffMaxInterval',
  'backOffMaxRetries',
  'backOffMultiplier',
  'backOffRandomizationFactor',
  'backOffMaxElapsedTime',
  'schemaRegistryURL',
  'schemaRegistryAPIKey',
  'schemaRegistryAPISecret',
  'schemaCachingEnabled',
  'schemaLatestVersionCacheTTL',
  'useAvroJSON',
] as const;

const ignoredFields = Object.fromEntries(
  consumerOnly.map((name) => [
    name,
    field.string({ description: 'Used by daprd for input (consuming); ignored by an output binding.', ignored: true }),
  ]),
) as Record<(typeof consumerOnly)[number], ReturnType<typeof field.string<{ description: string; ignored: true }>>>;

/** The Kafka component's fields, with daprd's names and defaults (components-contrib common/component/kafka). */
const kafkaFields = {
  brokers: field.string({ description: 'Comma-separated host:port list of brokers.', required: true }),
  publishTopic: field.string({ description: 'The topic every `create` writes to.', required: true }),
  clientID: field.string({ description: 'Client ID sent to the brokers.', default: 'sarama', aliases: ['clientId'] }),
  authType: field.enum(['none', 'password', 'mtls'], {
    description: 'none, password (SASL) or mtls; required unless the legacy authRequired is given.',
    unsupported: {
      awsiam: 'use authType password or mtls, or keep this component on daprd for now',
      oidc: 'use authType password or mtls, or keep this component on daprd for now',
      oidc_private_key_jwt: 'use authType password or mtls, or keep this component on daprd for now',
      certificate: 'use authType mtls',
    },
  }),
  authRequired: field.bool({
    description: 'Deprecated: true means password (with saslPassword) or mtls; false means none.',
  }),
  saslUsername: field.string({ description: 'SASL user name (authType password).' }),
  saslPassword: field.string({ description: 'SASL password (authType password).', sensitive: true }),
  saslMechanism: field.enum(['PLAIN', 'SHA-256', 'SHA-512'], {
    description: 'PLAIN, SHA-256 (SCRAM-SHA-256) or SHA-512 (SCRAM-SHA-512).',
    default: 'PLAIN',
  }),
  disableTls: field.bool({ description: 'Turn TLS off (it is on unless authType is none).', default: false }),
  skipVerify: field.bool({ description: "Don't verify the brokers' certificates.", default: false }),
  caCert: field.string({ description: 'PEM certificate authority to trust.' }),
  clientCert: field.string({ description: 'PEM client certificate (authType mtls).' }),
  clientKey: field.string({ description: 'PEM client key (authType mtls).', sensitive: true }),
  maxMessageBytes: field.bytesize({
    description: 'Largest record accepted, checked before sending.',
    default: 1 << 20,
  }),
  compression: field.enum(['none', 'gzip'], {
    description: 'Record batch compression.',
    default: 'none',
    unsupported: {
      snappy: 'this build ships no snappy codec; use gzip or none',
      lz4: 'this build ships no lz4 codec; use gzip or none',
      zstd: 'this build ships no zstd codec; use gzip or none',
    },
  }),
  producerRequiredAcks: field.enum(['all', 'local', 'none'], {
    description: 'all (every in-sync replica), local (the leader) or none.',
    default: 'all',
  }),
  producerRetryMax: field.number({ description: 'Retries of a failed produce.', default: 5 }),
  dialTimeout: field.duration({ description: 'Connect timeout per broker.', default: 30_000 }),
  writeTimeout: field.duration({ description: 'Bound of one create, retries included.', default: 30_000 }),
  excludeHeaderMetaRegex: field.string({
    description: 'Request metadata keys matching this regex are not sent as record headers.',
  }),
  partitioner: field.enum(['fnv1a', 'murmur2'], {
    description: "Keyed placement: fnv1a (daprd's sarama hash, the default) or murmur2 (the Java client's).",
    default: 'fnv1a',
  }),
  ...ignoredFields,
};

/** The decoded Kafka component configuration. */
export type KafkaConfig = DecodedConfig<typeof kafkaFields>;

/** The Kafka output binding. */
export const spec = defineBinding({
  type: 'bindings.kafka',
  versions: ['v1'],
  description: 'Produces records to Apache Kafka; 204 only after the broker acknowledged the write.',
  differences: [
    '`create` answers 204 with `metadata.partition` and `metadata.offset` headers (daprd: no headers), and the producer is idempotent when `producerRequiredAcks` is `all` (the default), so a retried send is not duplicated.',
    'Not supported yet, each refused at build time: `authType` awsiam, oidc, oidc_private_key_jwt and certificate; `compression` snappy, lz4 and zstd. `valueSchemaType: Avro` is refused per request.',
    'Stricter validation: a bool that is not a Dapr truthy or falsy word, or a `saslMechanism` other than PLAIN/SHA-256/SHA-512, is a build error (daprd reads them as false / PLAIN).',
  ],
  metadata: kafkaFields,
  operations: {
    create: {
      description: 'Writes one record to publishTopic; `null` data writes a tombstone.',
      metadata: {
        partitionKey: 'Record key (also `__key`).',
        partitionNumber: 'Explicit partition; must exist.',
      },
    },
  },
  validate: (config) => validateKafkaConfig(config),
  operationTimeoutMs: (config) => config.writeTimeout,
  // Below the 350 s idle timeout of AWS NAT gateways, which drop connections silently.
  rebuildAfterIdleMs: 300_000,
});

/** The effective authentication, with daprd's mapping of the legacy `authRequired` flag. */
export function effectiveAuthType(config: KafkaConfig): 'none' | 'password' | 'mtls' | undefined {
  if (config.authType !== undefined) return config.authType;
  if (config.authRequired === undefined) return undefined;
  if (!config.authRequired) return 'none';
  return config.saslPassword ? 'password' : 'mtls';
}

/** TLS is on unless authType is none or disableTls is set, as in daprd. */
export function tlsEnabled(config: KafkaConfig): boolean {
  return effectiveAuthType(config) !== 'none' && !config.disableTls;
}

function validateKafkaConfig(config: KafkaConfig): string[] {
  const errors: string[] = [];
  const auth = effectiveAuthType(config);
  if (auth === undefined) errors.push('metadata "authType" is required (none, password or mtls)');
  if (auth === 'password' && (!config.saslUsername || !config.saslPassword)) {
    errors.push('authType password needs saslUsername and saslPassword');
  }
  if (auth === 'mtls' && config.disableTls) errors.push('authType mtls cannot be combined with disableTls');
  if (Boolean(config.clientCert) !== Boolean(config.clientKey)) {
    errors.push('clientCert and clientKey must be given together');
  }
  for (const name of ['caCert', 'clientCert'] as const) {
    const pem = config[name];
    if (pem && !pem.includes('-----BEGIN CERTIFICATE-----')) errors.push(`metadata "${name}" is not a PEM certificate`);
  }
  if (config.brokers.split(',').some((broker) => !/^[^\s:]+:\d+$/.test(broker.trim()))) {
    errors.push(`metadata "brokers" must be host:port[,host:port...], got "${config.brokers}"`);
  }
  if (config.excludeHeaderMetaRegex) {
    try {
      new RegExp(config.excludeHeaderMetaRegex);
    } catch (error) {
      errors.push(`metadata "excludeHeaderMetaRegex": ${(error as Error).message}`);
    }
  }
  if (config.producerRetryMax < 0) errors.push('metadata "producerRetryMax" must be 0 or more');
  if (config.maxMessageBytes <= 0) errors.push('metadata "maxMessageBytes" must be positive');
  return errors;
}
