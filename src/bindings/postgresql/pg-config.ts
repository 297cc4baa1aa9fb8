import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';
import type { ConnectionSettings } from './connection-string';

/** How the connection uses TLS, from `sslmode` (pgx's default is `prefer`). */
export type SslPlan =
  | { mode: 'disable' }
  /** `prefer`: TLS without verification, plain text when the server has no TLS. */
  | { mode: 'prefer'; tls: ConnectionOptions }
  | { mode: 'require'; tls: ConnectionOptions };

/** A pg client configuration and the TLS plan it is tried with. */
export interface PgConnectionPlan {
  client: Omit<ClientConfig, 'ssl'>;
  ssl: SslPlan;
}

/** Keys pgx consumes itself; every other key is a server run-time parameter (pgx `RuntimeParams`). */
const PGX_KEYS = new Set([
  'host',
  'hostaddr',
  'port',
  'database',
  'user',
  'password',
  'passfile',
  'connect_timeout',
  'sslmode',
  'sslkey',
  'sslcert',
  'sslrootcert',
  'sslpassword',
  'sslsni',
  'krbspn',
  'krbsrvname',
  'target_session_attrs',
  'service',
  'servicefile',
  'min_read_buffer_size',
  'default_query_exec_mode',
  'statement_cache_capacity',
  'description_cache_capacity',
  'pool_max_conns',
  'pool_min_conns',
  'pool_min_idle_conns',
  'pool_max_conn_lifetime',
  'pool_max_conn_idle_time',
  'pool_health_check_period',
  'pool_max_conn_lifetime_jitter',
]);

/** Escapes a value for the `options` startup parameter (`-c key=value`; spaces and `\` need a backslash). */
function optionValue(value: string): string {
  return value.replace(/[\\ ]/g, (c) => `\\${c}`);
}

function readFile(settings: ConnectionSettings, key: string): Buffer | undefined {
  const path = settings.get(key);
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`unable to read ${key} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    });
  }
}

/** pgx's `configTLS`: libpq sslmode semantics. */
export function sslPlan(settings: ConnectionSettings, host: string): SslPlan {
  const mode = settings.get('sslmode') ?? 'prefer';
  const ca = readFile(settings, 'sslrootcert');
  const cert = readFile(settings, 'sslcert');
  const key = readFile(settings, 'sslkey');
  if (Boolean(cert) !== Boolean(key)) throw new Error('sslcert and sslkey must be given together');
  const client: ConnectionOptions = { cert, key, passphrase: settings.get('sslpassword') || undefined };
  const servername = /^[\d.]+$|:/.test(host) ? undefined : host;
  switch (mode) {
    case 'disable':
    case 'allow': // plain text first, as pgx does; a server that insists on TLS refuses it
      return { mode: 'disable' };
    case 'prefer':
      return { mode: 'prefer', tls: { ...client, rejectUnauthorized: false, servername } };
    case 'require':
      // libpq: with a root certificate, require verifies the chain as verify-ca does.
      if (!ca) return { mode: 'require', tls: { ...client, rejectUnauthorized: false, servername } };
      return { mode: 'require', tls: { ...client, ca, servername, checkServerIdentity: () => undefined } };
    case 'verify-ca':
      return { mode: 'require', tls: { ...client, ca, servername, checkServerIdentity: () => undefined } };
    case 'verify-full':
      return { mode: 'require', tls: { ...client, ca, servername } };
    default:
      throw new Error('sslmode is invalid');
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 5432;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) throw new Error(`invalid port: ${raw}`);
  return Number(raw);
}

/** The server run-time parameters a connection string sets, as pg's `options` (`-c key=value …`). */
function runtimeOptions(settings: ConnectionSettings): string | undefined {
  const options: string[] = [];
  if (settings.get('options')) options.push(settings.get('options')!);
  for (const [key, value] of settings) {
    if (PGX_KEYS.has(key) || key === 'options' || key === 'application_name') continue;
    options.push(`-c ${key}=${optionValue(value)}`);
  }
  return options.length > 0 ? options.join(' ') : undefined;
}

const SSL_MODES = new Set(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']);

/** The host pg connects to: `hostaddr` first, as libpq, then `host`, else pgx's local default. */
function hostOf(settings: ConnectionSettings): string {
  return settings.get('hostaddr') || settings.get('host') || 'localhost';
}

/** What the connection settings ask for that cannot work here, checked without reading any file (build time). */
export function settingsProblem(settings: ConnectionSettings): string | undefined {
  const host = hostOf(settings);
  if (host.includes(',')) return 'several hosts in the connection string are not supported yet';
  if (host.startsWith('/')) return 'Unix socket hosts are not supported on Lambda';
  const port = settings.get('port');
  if (port && (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return `invalid port: ${port}`;
  const mode = settings.get('sslmode');
  if (mode !== undefined && !SSL_MODES.has(mode)) return 'sslmode is invalid';
  return undefined;
}

/** Translates pgx connection settings to a pg client configuration; throws for what pg cannot do. */
export function pgConnectionPlan(settings: ConnectionSettings, connectTimeoutMs: number): PgConnectionPlan {
  const problem = settingsProblem(settings);
  if (problem) throw new Error(problem);
  const host = hostOf(settings);
  const connectTimeout = settings.get('connect_timeout');
  const seconds = connectTimeout && /^\d+$/.test(connectTimeout) ? Number(connectTimeout) : 0;
  return {
    client: {
      host,
      port: parsePort(settings.get('port')),
      user: settings.get('user') || process.env.USER || undefined,
      password: settings.get('password'),
      database: settings.get('database') || undefined,
      application_name: settings.get('application_name') || undefined,
      options: runtimeOptions(settings),
      connectionTimeoutMillis: seconds > 0 ? Math.min(seconds * 1000, connectTimeoutMs) : connectTimeoutMs,
      keepAlive: true,
    },
    ssl: sslPlan(settings, host),
  };
}
