import { defineBinding, field, type DecodedConfig } from '../spec';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './connection-options';
import { describeDsnError, parseMysqlDsn } from './dsn';
import { dsnHasPassword } from '../credentials';

/** A statement with no readTimeout in its DSN still counts this long toward the operation's bound. */
const DEFAULT_STATEMENT_MS = 30_000;

const mysqlFields = {
  url: field.string({
    description:
      'go-sql-driver DSN: `user:password@tcp(host:3306)/dbname?param=value` (tls, loc, timeout, readTimeout, collation…).',
    required: true,
    sensitive: dsnHasPassword,
  }),
  pemPath: field.string({
    description:
      'CA certificate (PEM file) that `tls=custom` in the DSN verifies the server with. On Lambda the file must be readable by the function, e.g. from a layer under /opt (the package holds only the bundle).',
  }),
  maxIdleConns: field.number({ description: 'Idle connections kept (at most 2 here; <= 0: database/sql default 2).' }),
  maxOpenConns: field.number({
    description: 'Open connections at most (at most 2 here: Lambda serves one call at a time).',
  }),
  connMaxLifetime: field.duration({ description: 'A connection older than this is closed instead of reused.' }),
  connMaxIdleTime: field.duration({
    description: 'A connection idle longer than this is closed instead of reused (default here: 60s).',
  }),
};

/** The decoded mysql component configuration. */
export type MysqlConfig = DecodedConfig<typeof mysqlFields>;

function validateMysqlConfig(config: MysqlConfig): string[] {
  try {
    const dsn = parseMysqlDsn(config.url);
    // daprd registers the "custom" TLS config only from pemPath.
    if (dsn.tls === 'custom' && !config.pemPath) {
      return ['illegal Data Source Name (DSN) specified by url: tls=custom needs pemPath (the CA file)'];
    }
    return [];
  } catch (error) {
    return [`illegal Data Source Name (DSN) specified by url: ${describeDsnError(config.url, error)}`];
  }
}

/** The mysql output binding (bindings/mysql/mysql.go): operations in the order of daprd's `Operations()`. */
export const spec = defineBinding({
  type: 'bindings.mysql',
  versions: ['v1'],
  description: 'Runs SQL on MySQL or MariaDB: exec (rows affected), query (rows as JSON), close.',
  differences: [
    '`close` closes this sandbox’s connections and the next call opens new ones; daprd fails every later call with `component is closed` (here that would break only the one sandbox the close landed in).',
    'At most 2 connections per sandbox (maxOpenConns/maxIdleConns above 2 are capped); a connection idle longer than connMaxIdleTime (default 60 s) is closed instead of reused. `readTimeout`/`writeTimeout` bound the whole statement, not each read/write.',
    'DSN: `tls=preferred` never falls back to plain text; `interpolateParams` is ignored (parameters always go in a server-side prepared statement); `serverPubKey` and networks other than tcp/unix are refused at build time, and a malformed DSN is reported with its reason (never the password). `tls=custom` with pemPath works on first use (daprd parses the DSN before registering "custom").',
    'Connection failures read as Node reports them (`connect ECONNREFUSED 127.0.0.1:3306`, not `dial tcp …`), and a failed first connection fails the call with `unable to ping the DB: …` (daprd fails to load the component). A request without any metadata answers `required metadata not set: sql` (daprd: `metadata required`). start-time/end-time have microsecond resolution.',
  ],
  metadata: mysqlFields,
  operations: {
    exec: {
      description: 'Runs a statement; 200 with an empty body and metadata `rows-affected`.',
      metadata: { sql: 'Required. The statement, `?` for each parameter.', params: 'A JSON array of parameters.' },
    },
    query: {
      description: 'Runs a query; 200 with a JSON array of row objects (`null` when no rows).',
      metadata: { sql: 'Required. The query, `?` for each parameter.', params: 'A JSON array of parameters.' },
    },
    close: { description: "Closes this sandbox's connections; 204. The next exec/query opens new ones." },
  },
  validate: (config) => validateMysqlConfig(config),
  operationTimeoutMs: (config) => {
    try {
      const dsn = parseMysqlDsn(config.url);
      const connect = dsn.timeoutMs > 0 ? dsn.timeoutMs : DEFAULT_CONNECT_TIMEOUT_MS;
      const statement =
        dsn.readTimeoutMs > 0 ? dsn.readTimeoutMs + Math.max(dsn.writeTimeoutMs, 0) : DEFAULT_STATEMENT_MS;
      return connect + statement;
    } catch {
      return DEFAULT_CONNECT_TIMEOUT_MS + DEFAULT_STATEMENT_MS;
    }
  },
  // Below the 350 s NAT gateway idle timeout: connections idle this long may have died while frozen.
  rebuildAfterIdleMs: 300_000,
});
