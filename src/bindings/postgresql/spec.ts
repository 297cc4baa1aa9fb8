import { defineBinding, field, type DecodedConfig } from '../spec';
import { connectionSettings } from './connection-string';
import { settingsProblem } from './pg-config';
import { pgConnectionHasPassword } from '../credentials';

/** daprd's `defaultTimeout` (bindings/postgres/metadata.go): connect and ping at init. */
const DEFAULT_TIMEOUT_MS = 20_000;

/** Connections pooled when `maxConns` is unset or 1 or less: Lambda runs one request at a time. */
export const DEFAULT_MAX_CONNS = 1;

/** pgx's query execution modes (daprd's `queryExecMode`, matched case-sensitively as daprd does). */
const QUERY_EXEC_MODES = ['cache_statement', 'cache_describe', 'describe_exec', 'exec', 'simple_protocol'];

const AWS_IAM_REFUSAL = 'AWS IAM authentication is not supported yet';
const AZURE_AD_REFUSAL = 'Azure AD authentication is not supported yet';

/** Accepted for compatibility with daprd's AWS IAM / Azure AD profiles; they only matter with those (refused) modes. */
const ignoredAuthFields = Object.fromEntries(
  ['awsAccessKey', 'awsSecretKey', 'region', 'awsRegion', 'accessKey', 'secretKey', 'sessionToken']
    .concat(['assumeRoleArn', 'sessionName', 'azureTenantId', 'azureClientId', 'azureClientSecret'])
    .map((name) => [
      name,
      field.string({
        description: 'Only used with AWS IAM / Azure AD authentication (not supported yet).',
        ignored: true,
        sensitive: /secret|token/i.test(name),
      }),
    ]),
);

/** The fields daprd reads (common/authentication/postgresql/metadata.go and bindings/postgres/metadata.go). */
const postgresFields = {
  connectionString: field.string({
    description:
      'pgx connection string: a `postgres://` URL or `key=value` pairs (host, port, user, password, dbname, sslmode…).',
    sensitive: pgConnectionHasPassword,
    aliases: ['url'],
  }),
  host: field.string({ description: 'Overrides the host of connectionString.' }),
  hostaddr: field.string({ description: 'Overrides the host address of connectionString.' }),
  port: field.string({ description: 'Overrides the port of connectionString.' }),
  database: field.string({ description: 'Overrides the database of connectionString.' }),
  user: field.string({ description: 'Overrides the user of connectionString.' }),
  password: field.string({ description: 'Overrides the password of connectionString.', sensitive: true }),
  sslRootCert: field.string({
    description:
      'Path of the root certificate file (the `sslrootcert` parameter); on Lambda a file the function can read, e.g. from a layer under /opt.',
  }),
  timeout: field.duration({
    description: 'Bound of connecting at init and of each operation (Go duration or seconds; at least 1s).',
    default: DEFAULT_TIMEOUT_MS,
    aliases: ['timeoutInSeconds'],
  }),
  maxConns: field.number({
    description: `Connections pooled; 1 or less: ${DEFAULT_MAX_CONNS} (daprd: max(4, CPUs); Lambda runs one call at a time).`,
    default: 0,
  }),
  connectionMaxIdleTime: field.duration({
    description: 'Idle connections are closed after this long (default: the driver-wide idle rebuild, 5 minutes).',
  }),
  queryExecMode: field.string({
    description: `pgx query mode: ${QUERY_EXEC_MODES.join(', ')}. simple_protocol sends parameterless SQL as a simple query.`,
  }),
  useAzureAD: field.bool({ description: `${AZURE_AD_REFUSAL} (must be false).`, default: false }),
  useAWSIAM: field.bool({ description: `${AWS_IAM_REFUSAL} (must be false).`, default: false }),
  ...ignoredAuthFields,
};

/** The decoded postgresql component configuration. */
export type PostgresConfig = DecodedConfig<typeof postgresFields>;

function validatePostgresConfig(config: PostgresConfig): string[] {
  const errors: string[] = [];
  try {
    const problem = settingsProblem(connectionSettings(config));
    if (problem) errors.push(problem);
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (config.timeout < 1000) errors.push("invalid value for 'timeout': must be greater than 1s");
  if (config.queryExecMode && !QUERY_EXEC_MODES.includes(config.queryExecMode)) {
    errors.push(`invalid queryExecMode metadata value: ${config.queryExecMode}`);
  }
  if (config.useAzureAD) errors.push(`metadata "useAzureAD": ${AZURE_AD_REFUSAL}; keep this component on daprd`);
  if (config.useAWSIAM) errors.push(`metadata "useAWSIAM": ${AWS_IAM_REFUSAL}; keep this component on daprd`);
  return errors;
}

/** The PostgreSQL output binding. Operations in the order of daprd's `Operations()` (bindings/postgres/postgres.go). */
export const spec = defineBinding({
  type: 'bindings.postgresql',
  aliases: ['bindings.postgres'],
  versions: ['v1'],
  description: 'Runs SQL with bound parameters on a PostgreSQL server through a small connection pool.',
  differences: [
    'After `close` the next call opens a new pool (daprd fails every later call with `component is closed` until it restarts).',
    '`query` rows are encoded as daprd encodes pgx values for every type pgx registers, except record, xml and box[] columns (their text here) and timestamptz, always shown in UTC (daprd: its own time zone); values follow the default binary mode even with queryExecMode simple_protocol.',
    "Parameters go to the server as text and it infers their types (pgx encodes them by the prepared types), so a mistyped parameter can fail with the server's message instead of pgx's; a JSON array parameter is a PostgreSQL array, not JSON; with simple_protocol, a query with parameters is still an extended query.",
    'Each operation is bounded by `timeout` (default 20s) and the invocation deadline (daprd: `timeout` bounds only the init ping); a statement past the deadline is cancelled on the server.',
    'A request without any metadata answers `required metadata not set: sql` (daprd: `metadata required`). AWS IAM and Azure AD authentication, several hosts and Unix sockets are refused at build time; sslmode=allow connects in plain text only.',
  ],
  metadata: postgresFields,
  operations: {
    exec: {
      description:
        'Runs a statement (DDL, INSERT, UPDATE, DELETE); 200 with an empty body and `rows-affected` metadata.',
      metadata: {
        sql: 'Required. The statement; `$1`…`$n` are the parameters.',
        params: 'JSON array of parameter values, bound (never spliced into the SQL).',
      },
    },
    query: {
      description: 'Runs a query; 200 with a JSON array of rows, each row an array of column values (pgx encoding).',
      metadata: { sql: 'Required.', params: 'JSON array of parameter values.' },
    },
    close: {
      description: "Closes the component's connections; 204. The next call opens new ones.",
    },
  },
  validate: (config) => validatePostgresConfig(config),
  operationTimeoutMs: (config) => config.timeout,
  // Idle connections of a frozen sandbox may be dead (server restart, NAT idle timeout): rebuild the pool.
  rebuildAfterIdleMs: 300_000,
});
