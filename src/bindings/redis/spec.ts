import { parseDuration } from '../metadata';
import { defineBinding, field, type DecodedConfig, type FieldSpec } from '../spec';

/**
 * Fields of daprd's shared redis settings (components-contrib common/component/redis/settings.go)
 * that an output binding on Lambda does not use: pool tuning (one connection per component here),
 * client-side retries (a failed connection is rebuilt instead), and state/pub-sub-only fields.
 */
const ignoredNames = [
  'redisMaxRetries',
  'redisMinRetryInterval',
  'redisMaxRetryInterval',
  'maxRetries',
  'maxRetryBackoff',
  'poolSize',
  'poolTimeout',
  'maxConnAge',
  'minIdleConns',
  'idleCheckFrequency',
  'idleTimeout',
  'sentinelMasterName',
  'sentinelUsername',
  'sentinelPassword',
  'ttlInSeconds',
  'queryIndexes',
  'consumerID',
  'processingTimeout',
  'redeliverInterval',
  'queueDepth',
  'concurrency',
  'maxLenApprox',
  'streamTTL',
  'oidcTokenEndpoint',
  'oidcClientID',
  'oidcClientAssertionCert',
  'oidcClientAssertionKey',
  'oidcResource',
  'oidcAudience',
  'oidcKid',
  'oidcScopes',
  'oidcCACert',
] as const;

const SENSITIVE_IGNORED = new Set<string>(['sentinelPassword', 'oidcClientAssertionKey']);

const ignoredFields = Object.fromEntries(
  ignoredNames.map((name) => [
    name,
    field.string({
      description: "Part of daprd's shared redis settings; not used by this output binding.",
      ignored: true,
      ...(SENSITIVE_IGNORED.has(name) ? { sensitive: true } : {}),
    }),
  ]),
) as Record<
  (typeof ignoredNames)[number],
  FieldSpec<string, { description: string; ignored: true; sensitive?: boolean }>
>;

const DURATION_HELP = 'a Go duration or whole milliseconds; -1 for none';

/** The redis component's fields, with daprd's names and defaults (common/component/redis/settings.go). */
const redisFields = {
  redisHost: field.string({
    description: 'host:port of the Redis server; without a port, redisPort or 6379 is used.',
    required: true,
  }),
  redisPort: field.number({ description: 'Port, when redisHost has none; must match a port redisHost has.' }),
  redisUsername: field.string({ description: 'ACL user name (Redis 6+).' }),
  redisPassword: field.string({ description: 'Password (AUTH).', sensitive: true }),
  redisDB: field.number({ description: 'Database selected after connecting.', default: 0 }),
  redisType: field.enum(['node'], {
    description: 'Only node (a single server) is supported.',
    default: 'node',
    unsupported: { cluster: 'use redisType node, or keep this component on daprd for now' },
  }),
  enableTLS: field.bool({ description: 'Connect with TLS.', default: false }),
  insecureSkipTLSVerify: field.bool({ description: "Don't verify the server's certificate.", default: false }),
  clientCert: field.string({ description: 'PEM client certificate (with enableTLS).' }),
  clientKey: field.string({ description: 'PEM client key (with enableTLS).', sensitive: true }),
  dialTimeout: field.string({ description: `Connect timeout (${DURATION_HELP}).`, default: '5s' }),
  readTimeout: field.string({ description: `Bound of one read command (${DURATION_HELP}).`, default: '3s' }),
  writeTimeout: field.string({
    description: `Bound of one write command (${DURATION_HELP}); defaults to readTimeout.`,
  }),
  failover: field.bool({ description: 'Redis Sentinel failover: not supported yet (must be false).', default: false }),
  useEntraID: field.bool({
    description: 'Entra ID authentication: not supported yet (must be false).',
    default: false,
    aliases: ['useAzureAD'],
  }),
  useOIDC: field.bool({ description: 'OIDC authentication: not supported yet (must be false).', default: false }),
  ...ignoredFields,
};

/** The decoded redis component configuration. */
export type RedisConfig = DecodedConfig<typeof redisFields>;

/** `NONE`: the timeout is off (daprd's negative values). */
export const NONE = -1;

/**
 * daprd's redis `Duration.DecodeString`: an integer is milliseconds (a negative one turns the timeout
 * off), anything else a Go duration. Returns milliseconds, 0 for "use the default", or `NONE`.
 */
export function parseRedisDuration(raw: string): number {
  if (raw === '') return 0;
  if (/^[+-]?\d+$/.test(raw)) {
    const value = Number(raw);
    return value < 0 ? NONE : value;
  }
  const invalid = new Error(`"${raw}" is not a duration (e.g. 5s, 500ms, or 500 for milliseconds)`);
  const sign = raw.startsWith('-') ? -1 : 1;
  const unsigned = raw.replace(/^[+-]/, '');
  if (unsigned === '' || /^\d+$/.test(unsigned) || /\s/.test(unsigned)) throw invalid;
  let ms: number;
  try {
    ms = parseDuration(unsigned) * sign;
  } catch {
    throw invalid;
  }
  return ms < 0 ? NONE : ms;
}

/** The effective timeouts in milliseconds (`NONE` for off), with go-redis v9's defaults. */
export function timeouts(config: RedisConfig): { dialMs: number; readMs: number; writeMs: number } {
  const dial = parseRedisDuration(config.dialTimeout);
  const read = parseRedisDuration(config.readTimeout);
  const write = config.writeTimeout === undefined ? 0 : parseRedisDuration(config.writeTimeout);
  const readMs = read === 0 ? 3_000 : read;
  return {
    dialMs: dial <= 0 ? 5_000 : dial,
    readMs,
    // go-redis: a zero write timeout takes the read timeout.
    writeMs: write === 0 ? readMs : write,
  };
}

/** A command with no timeout still counts this long toward the operation's bound. */
const UNBOUNDED_COMMAND_MS = 30_000;

/** Splits redisHost (with daprd's `resolveHost` rules) into host and port. */
export function resolveAddress(config: Pick<RedisConfig, 'redisHost' | 'redisPort'>): { host: string; port: number } {
  const raw = config.redisHost.trim();
  if (raw.includes(',')) throw new Error(`metadata "redisHost" must be one address with redisType node, got "${raw}"`);
  const withPort = /^\[([^\]]+)\]:(\d+)$/.exec(raw) ?? /^([^:[\]]+):(\d+)$/.exec(raw);
  const bracketed = /^\[([^\]]+)\]$/.exec(raw);
  let host: string;
  let port: number | undefined;
  if (withPort) {
    host = withPort[1]!;
    port = Number(withPort[2]);
    if (config.redisPort !== undefined && config.redisPort !== port) {
      throw new Error(
        `redis host "${raw}" already contains port ${port}, but redisPort is set to ${config.redisPort}; ` +
          'either remove the port from redisHost or remove the redisPort setting',
      );
    }
  } else if (bracketed) {
    host = bracketed[1]!;
  } else if (raw !== '' && !/[\s/[\]]/.test(raw) && (!raw.includes(':') || raw.split(':').length > 2)) {
    host = raw; // a name, an IPv4 address or a bare IPv6 address
  } else {
    throw new Error(`metadata "redisHost" must be host or host:port, got "${raw}"`);
  }
  port ??= config.redisPort ?? 6379;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`redis port ${port} is out of range`);
  return { host, port };
}

function validateRedisConfig(config: RedisConfig): string[] {
  const errors: string[] = [];
  try {
    resolveAddress(config);
  } catch (error) {
    errors.push((error as Error).message);
  }
  for (const name of ['dialTimeout', 'readTimeout', 'writeTimeout'] as const) {
    const raw = config[name];
    if (raw === undefined) continue;
    try {
      parseRedisDuration(raw);
    } catch (error) {
      errors.push(`metadata "${name}": ${(error as Error).message}`);
    }
  }
  if (config.redisDB < 0) errors.push('metadata "redisDB" must be 0 or more');
  if (config.failover)
    errors.push('metadata "failover": Redis Sentinel is not supported yet; keep this component on daprd for now');
  if (config.useEntraID) errors.push('metadata "useEntraID": Entra ID authentication is not supported yet');
  if (config.useOIDC) errors.push('metadata "useOIDC": OIDC authentication is not supported yet');
  if (Boolean(config.clientCert) !== Boolean(config.clientKey)) {
    errors.push('clientCert and clientKey must be given together');
  }
  if (config.clientCert && !config.enableTLS) errors.push('clientCert and clientKey need enableTLS');
  if (config.clientCert && !config.clientCert.includes('-----BEGIN CERTIFICATE-----')) {
    errors.push('metadata "clientCert" is not a PEM certificate');
  }
  return errors;
}

/** The redis output binding. Operations in the order of daprd's `Operations()` (bindings/redis/redis.go). */
export const spec = defineBinding({
  type: 'bindings.redis',
  versions: ['v1'],
  description: 'Reads and writes string keys on a Redis server, one connection per component.',
  differences: [
    '`create` with a TTL is one atomic `SET key data EX ttl` (daprd: SET, then EXPIRE); a TTL that truncates to 0 deletes the key, the same end state as daprd.',
    'Only `redisType: node`; Sentinel (`failover`), Entra ID and OIDC authentication are refused at build time. One connection, no client-side retries: a dead connection is rebuilt on the next call.',
  ],
  metadata: redisFields,
  operations: {
    create: {
      description: 'SET key to the data bytes as they are (no unquoting); 204.',
      metadata: {
        key: 'Required.',
        ttlInSeconds: 'Expiry in seconds or a Go duration (also `ttl`), truncated to whole seconds.',
      },
    },
    delete: { description: 'DEL key; 204.', metadata: { key: 'Required.' } },
    get: {
      description: 'GET key: 200 with the value bytes, or an empty body when the key does not exist.',
      metadata: { key: 'Required.', delete: '`true` reads and deletes the key at once (GETDEL, Redis 6.2+).' },
    },
    increment: {
      description: 'INCR key; 204.',
      metadata: { key: 'Required.', ttlInSeconds: 'Expiry set after the increment (also `ttl`).' },
    },
  },
  validate: (config) => validateRedisConfig(config),
  operationTimeoutMs: (config) => {
    const { dialMs, readMs, writeMs } = timeouts(config);
    const bound = (ms: number) => (ms === NONE ? UNBOUNDED_COMMAND_MS : ms);
    // A reconnect, then at most two commands (increment with a TTL: INCR, then EXPIRE).
    return dialMs + 2 * Math.max(bound(readMs), bound(writeMs));
  },
  // go-redis closes connections idle for 5 minutes (idleTimeout), below the 350 s NAT gateway idle timeout.
  rebuildAfterIdleMs: 300_000,
});
