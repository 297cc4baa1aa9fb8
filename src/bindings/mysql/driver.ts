import mysql, { type Connection } from 'mysql2/promise';
import { DriverFailureError, InvalidRequestMetadataError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse, OperationContext } from '../driver';
import { connectionOptions, initStatements, tlsOptions } from './connection-options';
import { ConnectionPool, destroyConnection, PoolClosedError, type Lease } from './connection-pool';
import { parseMysqlDsn, type MysqlDsn } from './dsn';
import { encodeRows, ScanError } from './encode-rows';
import { startSqlCall } from '../sql-call';
import { TimeValueError } from './mysql-time';
import { MysqlRequestError, readParams, readSql, unsupportedParam } from './request';
import type { MysqlConfig } from './spec';
import { execStatement, queryStatement, StatementArgumentError } from './statements';

type Operation = 'exec' | 'query' | 'close';

/** database/sql's default maxIdleConns; more than this is never useful in a one-call-at-a-time sandbox. */
const SANDBOX_MAX_CONNECTIONS = 2;
/** Idle connections are dropped after this (unless connMaxIdleTime says otherwise). */
const DEFAULT_MAX_IDLE_MS = 60_000;

interface MysqlServerError extends Error {
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  fatal?: boolean;
}

function isServerError(error: unknown): error is MysqlServerError {
  const e = error as MysqlServerError;
  return error instanceof Error && typeof e.errno === 'number' && typeof e.sqlMessage === 'string' && !e.fatal;
}

/** go-sql-driver's `MySQLError.Error()`: `Error 1146 (42S02): Table 'x' doesn't exist`. */
function goMysqlError(error: MysqlServerError): string {
  const state = error.sqlState ? ` (${error.sqlState})` : '';
  return `Error ${error.errno}${state}: ${error.sqlMessage}`;
}

/** Opens one connection and runs go-sql-driver's per-connection statements for the DSN's parameters. */
function connector(dsn: MysqlDsn, options: mysql.ConnectionOptions): () => Promise<Connection> {
  const { charsets, set } = initStatements(dsn);
  return async () => {
    const connection = await mysql.createConnection(options);
    try {
      let charsetError: unknown;
      for (const statement of charsets) {
        charsetError = undefined;
        try {
          await connection.query(statement);
          break;
        } catch (error) {
          charsetError = error; // go-sql-driver tries the next charset
        }
      }
      if (charsetError) throw charsetError;
      if (set) await connection.query(set);
    } catch (error) {
      destroyConnection(connection);
      throw error;
    }
    return connection;
  };
}

/** Connects a small pool for one mysql component and exposes daprd's exec, query and close. */
export async function createMysqlDriver(config: MysqlConfig, context: DriverContext): Promise<Driver<Operation>> {
  const dsn = parseMysqlDsn(config.url);
  const options = connectionOptions(dsn, await tlsOptions(dsn, config.pemPath));
  const maxOpen = Math.min(
    config.maxOpenConns && config.maxOpenConns > 0 ? config.maxOpenConns : SANDBOX_MAX_CONNECTIONS,
    SANDBOX_MAX_CONNECTIONS,
  );
  const openPool = () =>
    new ConnectionPool(connector(dsn, options), {
      maxOpen,
      maxIdle: Math.min(
        config.maxIdleConns && config.maxIdleConns > 0 ? config.maxIdleConns : SANDBOX_MAX_CONNECTIONS,
        maxOpen,
      ),
      maxLifetimeMs: config.connMaxLifetime && config.connMaxLifetime > 0 ? config.connMaxLifetime : 0,
      maxIdleMs: config.connMaxIdleTime && config.connMaxIdleTime > 0 ? config.connMaxIdleTime : DEFAULT_MAX_IDLE_MS,
    });
  // Connections open lazily: a pool made after the `close` operation costs nothing until the next call.
  let pool = openPool();
  let closed = false;

  /** Runs `work` on a pooled connection; an abort destroys the connection, so the statement dies with it. */
  const withConnection = async <T>(signal: AbortSignal, work: (connection: Connection) => Promise<T>): Promise<T> => {
    const lease: Lease = await pool.acquire(signal);
    let settled = false;
    const onAbort = () => {
      if (!settled) {
        settled = true;
        pool.discard(lease);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await work(lease.connection);
      if (!settled) pool.release(lease);
      return result;
    } catch (error) {
      if (!settled) {
        // A reply error leaves the connection sound; anything else leaves it in doubt.
        if (isServerError(error) || error instanceof StatementArgumentError) pool.release(lease);
        else pool.discard(lease);
      }
      throw error;
    } finally {
      settled = true;
      signal.removeEventListener('abort', onAbort);
    }
  };

  try {
    await withConnection(context.signal, (connection) => connection.ping());
  } catch (error) {
    pool.close();
    throw new Error(`unable to ping the DB: ${(error as Error).message}`, { cause: error });
  }

  const fail = (request: InvokeRequest, error: unknown): never => {
    if (error instanceof PoolClosedError) throw new DriverFailureError(request.name, 'component is closed');
    if (isServerError(error)) {
      throw new DriverFailureError(request.name, `error executing query: ${goMysqlError(error)}`, { cause: error });
    }
    if (error instanceof StatementArgumentError) {
      throw new DriverFailureError(request.name, `error executing query: ${error.message}`, { cause: error });
    }
    // A broken connection: the raw error makes the pool rebuild the driver.
    throw new Error(`error executing query: ${(error as Error).message}`, { cause: error });
  };

  const run = async (request: InvokeRequest, { signal }: OperationContext): Promise<InvokeResponse> => {
    if (closed) throw new DriverFailureError(request.name, 'component is closed');
    let sql: string;
    let params: ReturnType<typeof readParams>;
    try {
      sql = readSql(request.metadata);
      params = readParams(request.metadata);
    } catch (error) {
      if (error instanceof MysqlRequestError) throw new InvalidRequestMetadataError(request.name, error.message);
      throw error;
    }
    const timer = startSqlCall(request.operation, sql);
    const refused = unsupportedParam(params);
    if (refused) throw new InvalidRequestMetadataError(request.name, `error executing query: ${refused}`);
    let data: Buffer;
    if (request.operation === 'exec') {
      const affected = await withConnection(signal, (c) => execStatement(c, sql, params)).catch((e) =>
        fail(request, e),
      );
      timer.metadata['rows-affected'] = String(affected);
      data = Buffer.alloc(0); // daprd answers a response without data: 200 with an empty body
    } else {
      const result = await withConnection(signal, (c) => queryStatement(c, sql, params)).catch((e) => fail(request, e));
      try {
        data = encodeRows(result.columns, result.rows, {
          ...result,
          loc: dsn.loc,
          columnsWithAlias: dsn.columnsWithAlias,
        });
      } catch (error) {
        if (!(error instanceof ScanError || error instanceof TimeValueError)) throw error;
        throw new DriverFailureError(request.name, `error marshalling query result for query: ${error.message}`);
      }
    }
    return { data, metadata: timer.finish() };
  };

  const close = async (): Promise<void> => {
    closed = true;
    pool.close();
  };

  return {
    operations: {
      exec: run,
      query: run,
      // Releases this sandbox's connections (204, as daprd); the next call opens new ones instead of
      // failing with daprd's `component is closed`, which would break only the sandbox the close landed in.
      close: async () => {
        pool.close();
        pool = openPool();
      },
    },
    close,
  };
}
