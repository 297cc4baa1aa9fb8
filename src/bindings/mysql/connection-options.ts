/** mysql2 connection options equivalent to a go-sql-driver DSN, as daprd's binding opens it. */
import { readFile } from 'node:fs/promises';
import type { ConnectionOptions, TypeCastField, TypeCastNext } from 'mysql2/promise';
import type { MysqlDsn } from './dsn';

/** Dial timeout when the DSN has no `timeout` (go-sql-driver: the OS's; here bounded). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** The server's bytes for GEOMETRY (go-sql-driver hands them over as `[]byte`), everything else as parsed. */
function keepGeometryBytes(field: TypeCastField, next: TypeCastNext): unknown {
  if (field.type === 'GEOMETRY') return field.buffer();
  return next();
}

/** The collation mysql2 announces in the handshake: the DSN's, or go-sql-driver's utf8mb4_general_ci. */
function charsetOf(dsn: MysqlDsn): string {
  return (dsn.collation || 'utf8mb4_general_ci').toUpperCase();
}

/**
 * TLS as go-sql-driver's `tls=` sets it: `true` verifies the server (and its host name), `skip-verify`
 * and `preferred` encrypt without verifying, `custom` verifies against daprd's pemPath CA (TLS 1.2+).
 */
export async function tlsOptions(dsn: MysqlDsn, pemPath: string | undefined): Promise<ConnectionOptions['ssl']> {
  switch (dsn.tls) {
    case 'none':
      return undefined;
    case 'verify':
      return { rejectUnauthorized: true };
    case 'skip-verify':
    case 'preferred':
      return { rejectUnauthorized: false };
    case 'custom': {
      if (!pemPath) throw new Error('invalid value / unknown config name: custom');
      let ca: string;
      try {
        ca = await readFile(pemPath, 'utf8');
      } catch (error) {
        throw new Error(`error reading PEM file from ${pemPath}: ${(error as Error).message}`, { cause: error });
      }
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new Error('failed to append PEM');
      return { ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' };
    }
  }
}

/** Options for one connection: address, credentials, and result shapes the Go encoding starts from. */
export function connectionOptions(dsn: MysqlDsn, ssl: ConnectionOptions['ssl']): ConnectionOptions {
  const [, host, port] = dsn.net === 'tcp' ? (/^\[?(.*?)\]?:(\d*)$/.exec(dsn.addr) ?? []) : [];
  return {
    ...(dsn.net === 'unix' ? { socketPath: dsn.addr } : { host: host ?? dsn.addr, port: Number(port || 3306) }),
    user: dsn.user || undefined,
    password: dsn.password || undefined,
    database: dsn.dbName || undefined,
    charset: charsetOf(dsn),
    connectTimeout: dsn.timeoutMs > 0 ? dsn.timeoutMs : DEFAULT_CONNECT_TIMEOUT_MS,
    ssl,
    multipleStatements: dsn.multiStatements,
    // go-sql-driver reports changed rows unless clientFoundRows; mysql2 asks for found rows by default.
    flags: dsn.clientFoundRows ? ['FOUND_ROWS'] : ['-FOUND_ROWS'],
    // Raw forms, converted to Go's scan types by encode-rows.ts.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    typeCast: keepGeometryBytes,
    enableKeepAlive: true,
  };
}

/** The statements go-sql-driver runs on every new connection for `charset=` and unknown DSN parameters. */
export function initStatements(dsn: MysqlDsn): { charsets: string[]; set: string | undefined } {
  const collate = dsn.collation ? ` COLLATE ${dsn.collation}` : '';
  const set =
    dsn.systemVariables.length > 0
      ? `SET ${dsn.systemVariables.map(([name, value]) => `${name} = ${value}`).join(', ')}`
      : undefined;
  return { charsets: dsn.charsets.map((charset) => `SET NAMES ${charset}${collate}`), set };
}
