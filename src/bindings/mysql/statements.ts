/**
 * Runs one statement as go-sql-driver does through database/sql: without parameters as a plain
 * COM_QUERY (text protocol); with parameters as a server-side prepared statement (binary protocol),
 * prepared, checked for its placeholder count, executed and closed. Values are never spliced in.
 */
import mysql, { type Connection, type FieldPacket, type ResultSetHeader } from 'mysql2/promise';
import type { ColumnInfo, Protocol } from './encode-rows';
import type { BindValue } from './request';

/** A refusal database/sql makes before executing (placeholder count); the connection is sound. */
export class StatementArgumentError extends Error {}

/** The rows of the first result set with their columns, and how they were read. */
export interface QueryResult {
  columns: ColumnInfo[];
  rows: unknown[][];
  protocol: Protocol;
}

type RawResult = [unknown, FieldPacket[] | FieldPacket[][] | undefined];

/** Go's float64 goes out as DOUBLE and bool as TINY, the types go-sql-driver binds them with. */
function bindValue(value: BindValue): unknown {
  if (typeof value === 'number') return mysql.TypedParameter.DOUBLE(value);
  if (typeof value === 'boolean') return mysql.TypedParameter.TINY(value ? 1 : 0);
  return value;
}

async function run(connection: Connection, sql: string, params: readonly BindValue[]): Promise<RawResult> {
  if (params.length === 0) return (await connection.query({ sql, rowsAsArray: true })) as RawResult;
  const options = { sql, rowsAsArray: true };
  const statement = await connection.prepare(options);
  try {
    // mysql2's typings omit the core statement, which knows the placeholder count.
    const expected = (statement as unknown as { statement: { parameters: unknown[] } }).statement.parameters.length;
    if (expected !== params.length) {
      throw new StatementArgumentError(`sql: expected ${expected} arguments, got ${params.length}`);
    }
    return (await connection.execute({ ...options, values: params.map(bindValue) })) as RawResult;
  } finally {
    // database/sql closes the statement it prepared for the call.
    connection.unprepare(options);
  }
}

function isHeader(value: unknown): value is ResultSetHeader {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'affectedRows' in value;
}

/** `exec`: the affected rows of the (last) result, 0 for a statement that returned rows. */
export async function execStatement(
  connection: Connection,
  sql: string,
  params: readonly BindValue[],
): Promise<number> {
  const [result] = await run(connection, sql, params);
  const results = Array.isArray(result) && result.some(isHeader) ? result : [result];
  const last = results[results.length - 1];
  return isHeader(last) ? last.affectedRows : 0;
}

function toColumn(field: FieldPacket): ColumnInfo {
  return {
    name: field.name,
    table: field.table,
    columnType: field.columnType ?? field.type ?? 0,
    flags: typeof field.flags === 'number' ? field.flags : 0,
    characterSet: field.characterSet ?? 0,
    decimals: field.decimals,
  };
}

/** `query`: the first result set (a statement without rows gives none). */
export async function queryStatement(
  connection: Connection,
  sql: string,
  params: readonly BindValue[],
): Promise<QueryResult> {
  const [result, fields] = await run(connection, sql, params);
  const protocol: Protocol = params.length === 0 ? 'text' : 'binary';
  if (!Array.isArray(result) || !fields) return { columns: [], rows: [], protocol };
  // With multiStatements the answer is one entry per statement; Go's Rows reads the first only.
  const multi = Array.isArray(fields[0]);
  const firstFields = (multi ? fields[0] : fields) as FieldPacket[] | undefined;
  const firstRows = multi ? result[0] : result;
  if (!firstFields || !Array.isArray(firstRows)) return { columns: [], rows: [], protocol };
  return { columns: firstFields.map(toColumn), rows: firstRows as unknown[][], protocol };
}
