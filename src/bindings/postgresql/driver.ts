import pg, { DatabaseError, type PoolClient, type PoolConfig, type QueryArrayConfig, type QueryResult } from 'pg';
import { DriverFailureError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse, OperationContext } from '../driver';
import { connectionSettings } from './connection-string';
import { encodeRows, GoMarshalError } from './encode';
import { lease } from './lease';
import { startSqlCall } from '../sql-call';
import { pgConnectionPlan, type PgConnectionPlan } from './pg-config';
import { statementOf, type Statement } from './request';
import { DEFAULT_MAX_CONNS, type PostgresConfig } from './spec';

type Operation = 'exec' | 'query' | 'close';

/** Every column arrives as the server's text; `encode.ts` turns it into daprd's JSON. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value } as unknown as QueryArrayConfig['types'];

/** Idle connections are closed after this long unless `connectionMaxIdleTime` says otherwise. */
const DEFAULT_IDLE_MS = 300_000;

/** pgx's `PgError.Error()`: `SEVERITY: message (SQLSTATE code)`. */
function pgxMessage(error: DatabaseError): string {
  return `${error.severity ?? 'ERROR'}: ${error.message} (SQLSTATE ${error.code ?? ''})`;
}

/**
 * pgx compares the parameter count with the prepared statement's before sending anything; pg lets
 * the server refuse the Bind message instead. The same check, in pgx's words.
 */
function argumentCountMessage(error: DatabaseError): string | undefined {
  const match = /^bind message supplies (\d+) parameters, but prepared statement "" requires (\d+)$/.exec(
    error.message,
  );
  return error.code === '08P01' && match ? `expected ${match[2]} arguments, got ${match[1]}` : undefined;
}

/** A server error that ends the session (FATAL, PANIC: shutdown, terminated backend) leaves no usable connection. */
function endsSession(error: DatabaseError): boolean {
  return error.severity === 'FATAL' || error.severity === 'PANIC';
}

/** Pool options for one component: few connections, bounded connect, idle connections closed. */
function poolConfig(config: PostgresConfig, plan: PgConnectionPlan, ssl: PoolConfig['ssl']): PoolConfig {
  return {
    ...plan.client,
    ssl,
    max: config.maxConns > 1 ? config.maxConns : DEFAULT_MAX_CONNS,
    idleTimeoutMillis: config.connectionMaxIdleTime ?? DEFAULT_IDLE_MS,
    allowExitOnIdle: true,
  };
}

/** Creates the pool for a component: one pg.Pool, connected once as daprd's Init ping does. */
export async function createPostgresDriver(config: PostgresConfig, context: DriverContext): Promise<Driver<Operation>> {
  const plan = pgConnectionPlan(connectionSettings(config), config.timeout);
  /**
   * pgx runs Exec without arguments as a simple query (several statements allowed), and Query
   * without arguments as one only in simple_protocol mode; everything else is an extended query.
   */
  const simpleProtocol = (operation: string, statement: Statement): boolean =>
    statement.params.length === 0 && (operation === 'exec' || config.queryExecMode === 'simple_protocol');

  const newPool = (ssl: PoolConfig['ssl']): pg.Pool => {
    const created = new pg.Pool(poolConfig(config, plan, ssl));
    // An idle connection the server closed: pg drops it from the pool; without a listener it would crash.
    created.on('error', (error) =>
      context.logger.debug('postgresql idle connection error', { message: error.message }),
    );
    return created;
  };

  /** When each pooled connection was last handed back, for pgxpool's ping of connections idle over a second. */
  const lastUsed = new WeakMap<PoolClient, number>();

  /** daprd's Init ping; with sslmode=prefer, TLS first and plain text when the server has no TLS (as pgx). */
  const openPool = async (): Promise<pg.Pool> => {
    const attempts: Array<PoolConfig['ssl']> =
      plan.ssl.mode === 'disable' ? [false] : plan.ssl.mode === 'require' ? [plan.ssl.tls] : [plan.ssl.tls, false];
    let lastError: unknown;
    for (const ssl of attempts) {
      const candidate = newPool(ssl);
      const abort = () => void candidate.end().catch(() => undefined);
      context.signal.addEventListener('abort', abort, { once: true });
      try {
        const client = await candidate.connect();
        lastUsed.set(client, Date.now());
        client.release();
        return candidate;
      } catch (error) {
        lastError = error;
        void candidate.end().catch(() => undefined);
        // A server that refused our credentials would refuse them in plain text too.
        if (error instanceof DatabaseError) break;
      } finally {
        context.signal.removeEventListener('abort', abort);
      }
    }
    const message = lastError instanceof DatabaseError ? pgxMessage(lastError) : (lastError as Error).message;
    throw new Error(`failed to ping the DB: ${message}`, { cause: lastError });
  };

  let pool: pg.Pool | undefined = await openPool();
  let opening: Promise<pg.Pool> | undefined;

  /** The pool, reopened after a `close` operation (daprd would refuse every later call instead). */
  const currentPool = async (): Promise<pg.Pool> => {
    if (pool) return pool;
    opening ??= openPool().finally(() => (opening = undefined));
    pool = await opening;
    return pool;
  };

  /** Runs one statement on a pooled connection. */
  const run = async (
    operation: string,
    statement: Statement,
    { signal }: OperationContext,
  ): Promise<QueryResult<unknown[]>> => {
    const leased = await lease(await currentPool(), signal, lastUsed);
    try {
      const query: QueryArrayConfig & { queryMode?: 'extended' } = {
        text: statement.sql,
        values: statement.params,
        rowMode: 'array',
        types: RAW_TEXT,
      };
      if (!simpleProtocol(operation, statement)) query.queryMode = 'extended';
      const result = (await leased.client.query(query)) as QueryResult<unknown[]> | Array<QueryResult<unknown[]>>;
      leased.release(false);
      if (!Array.isArray(result)) return result;
      // Several statements in one simple query: pgx's Exec reports the last command, its Query reads the first rows.
      return operation === 'exec' ? result[result.length - 1]! : result[0]!;
    } catch (error) {
      const sound = error instanceof DatabaseError && !endsSession(error);
      leased.release(!sound);
      if (error instanceof DatabaseError) {
        const message = `error executing query: ${argumentCountMessage(error) ?? pgxMessage(error)}`;
        if (sound) throw new DriverFailureError(context.name, message, { cause: error });
        throw new Error(message, { cause: error });
      }
      throw new Error(`error executing query: ${(error as Error).message}`, { cause: error });
    }
  };

  const invoke = async (request: InvokeRequest, operationContext: OperationContext): Promise<InvokeResponse> => {
    const statement = statementOf(request); // validated before anything is sent
    const timer = startSqlCall(request.operation, statement.sql);
    const result = await run(request.operation, statement, operationContext);
    let data: Buffer;
    if (request.operation === 'exec') {
      timer.metadata['rows-affected'] = String(result.rowCount ?? 0);
      data = Buffer.alloc(0); // daprd answers a response without data: 200, empty body
    } else {
      try {
        data = Buffer.from(
          encodeRows(
            result.fields.map((f) => f.dataTypeID),
            result.rows as Array<Array<string | null>>,
          ),
        );
      } catch (error) {
        if (!(error instanceof GoMarshalError)) throw error;
        throw new DriverFailureError(context.name, `error serializing results: ${error.message}`, { cause: error });
      }
    }
    return { data, metadata: timer.finish() };
  };

  const closePool = async (): Promise<void> => {
    const closing = pool;
    pool = undefined;
    // end() waits for checked-out connections; a hung one is destroyed by its call's deadline.
    if (closing) void closing.end().catch(() => undefined);
  };

  return {
    operations: {
      exec: invoke,
      query: invoke,
      close: async () => {
        await closePool();
        return undefined;
      },
    },
    close: closePool,
  };
}
