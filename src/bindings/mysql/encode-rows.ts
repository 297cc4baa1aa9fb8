/**
 * The JSON daprd's mysql binding answers a `query` with (`jsonify`/`convert` in bindings/mysql/mysql.go):
 * each row scanned into go-sql-driver v1.8.1's `ScanType` for its column, then `json.Marshal`ed as a
 * map, so keys are sorted, NULLs of nullable columns are left out, and `[]byte` becomes base64.
 */
import { goQuote } from '../../api/go-json';
import { goFloat32, goFloat64 } from './go-format';
import { encodeDateTime, encodeTime, TimeValueError } from './mysql-time';

/** The column definition fields the encoding depends on (mysql2's `FieldPacket`). */
export interface ColumnInfo {
  name: string;
  table: string;
  columnType: number;
  flags: number;
  characterSet: number;
  decimals: number;
}

/** How the rows were read: COM_QUERY (no params) or a prepared statement (params). */
export type Protocol = 'text' | 'binary';

/** Options of the DSN that change the encoding. */
export interface EncodeOptions {
  protocol: Protocol;
  /** `loc` of the DSN. */
  loc: string;
  /** `columnsWithAlias`: keys become `table.column`. */
  columnsWithAlias: boolean;
}

/** A value go-sql-driver or database/sql cannot scan; daprd's message names the column. */
export class ScanError extends Error {}

/** MySQL protocol column types (include/mysql_com.h). */
export const T = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
} as const;

const NOT_NULL = 1;
const UNSIGNED = 32;
const BINARY_COLLATION = 63;
const MAX_INT64 = 9223372036854775807n;

const INTEGERS = new Set<number>([T.TINY, T.SHORT, T.YEAR, T.INT24, T.LONG, T.LONGLONG]);
const MAYBE_BYTES = new Set<number>([
  T.BIT,
  T.TINY_BLOB,
  T.MEDIUM_BLOB,
  T.LONG_BLOB,
  T.BLOB,
  T.VAR_STRING,
  T.STRING,
  T.GEOMETRY,
]);
const STRINGS = new Set<number>([T.DECIMAL, T.NEWDECIMAL, T.VARCHAR, T.ENUM, T.SET, T.JSON, T.TIME]);
const DATES = new Set<number>([T.DATE, T.NEWDATE, T.TIMESTAMP, T.DATETIME]);
const KNOWN = new Set<number>([...INTEGERS, T.FLOAT, T.DOUBLE, ...MAYBE_BYTES, ...STRINGS, ...DATES]);

/** Go's kind of the non-nullable scan type, for database/sql's "converting NULL" message. */
function goKind(column: ColumnInfo): string {
  const unsigned = (column.flags & UNSIGNED) !== 0 ? 'u' : '';
  switch (column.columnType) {
    case T.TINY:
      return `${unsigned}int8`;
    case T.SHORT:
    case T.YEAR:
      return `${unsigned}int16`;
    case T.INT24:
    case T.LONG:
      return `${unsigned}int32`;
    case T.LONGLONG:
      return `${unsigned}int64`;
    case T.FLOAT:
      return 'float32';
    case T.DOUBLE:
      return 'float64';
    default:
      return 'string';
  }
}

function text(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

function integer(column: ColumnInfo, value: unknown, notNull: boolean, protocol: Protocol): string {
  const digits = text(value);
  if (!notNull && column.columnType === T.LONGLONG && (column.flags & UNSIGNED) !== 0 && BigInt(digits) > MAX_INT64) {
    // sql.NullInt64 cannot hold it (database/sql convertAssign).
    const goType = protocol === 'text' ? 'uint64' : '[]uint8';
    throw new ScanError(`converting driver.Value type ${goType} ("${digits}") to a int64: value out of range`);
  }
  return digits;
}

/**
 * The JSON of one value, or undefined when daprd leaves the key out (a NULL scanned into a
 * `sql.Null*`, whose `Value()` is nil).
 */
export function encodeValue(column: ColumnInfo, value: unknown, options: EncodeOptions): string | undefined {
  const notNull = (column.flags & NOT_NULL) !== 0;
  const type = column.columnType;
  const bytes = type === T.JSON || (MAYBE_BYTES.has(type) && column.characterSet === BINARY_COLLATION);
  if (value === null || value === undefined) {
    // []byte, sql.RawBytes and *any scan NULL as nil: the key stays, with `null`.
    if (bytes || !KNOWN.has(type)) return 'null';
    if (DATES.has(type) || !notNull) return undefined;
    throw new ScanError(`converting NULL to ${goKind(column)} is unsupported`);
  }
  if (bytes) {
    return `"${(Buffer.isBuffer(value) ? value : Buffer.from(text(value), 'utf8')).toString('base64')}"`;
  }
  if (INTEGERS.has(type)) return integer(column, value, notNull, options.protocol);
  if (type === T.FLOAT) return goFloat32(Number(value));
  if (type === T.DOUBLE) return goFloat64(Number(value));
  if (DATES.has(type)) return goQuote(encodeDateTime(text(value), options.loc));
  if (type === T.TIME && options.protocol === 'binary') return goQuote(encodeTime(text(value), column.decimals));
  if (STRINGS.has(type) || MAYBE_BYTES.has(type)) return goQuote(text(value));
  // go-sql-driver's scanTypeUnknown (`*any`): NULL is the only value such a column carries.
  return Buffer.isBuffer(value) ? `"${value.toString('base64')}"` : goQuote(text(value));
}

function keyOf(column: ColumnInfo, options: EncodeOptions): string {
  return options.columnsWithAlias && column.table !== '' ? `${column.table}.${column.name}` : column.name;
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function encodeRow(columns: readonly ColumnInfo[], row: readonly unknown[], options: EncodeOptions): string {
  const entries = new Map<string, string>();
  columns.forEach((column, index) => {
    let json: string | undefined;
    try {
      json = encodeValue(column, row[index], options);
    } catch (error) {
      if (error instanceof TimeValueError && error.message.startsWith('json:')) throw error;
      throw new ScanError(
        `sql: Scan error on column index ${index}, name ${JSON.stringify(column.name)}: ${(error as Error).message}`,
      );
    }
    // A later column of the same name replaces an earlier one, unless its value was nil.
    if (json !== undefined) entries.set(keyOf(column, options), json);
  });
  const keys = [...entries.keys()].sort(compareUtf8);
  return `{${keys.map((key) => `${goQuote(key)}:${entries.get(key)!}`).join(',')}}`;
}

/** The response body of `query`: a JSON array of row objects, or `null` when there are no rows. */
export function encodeRows(
  columns: readonly ColumnInfo[],
  rows: readonly (readonly unknown[])[],
  options: EncodeOptions,
): Buffer {
  if (rows.length === 0) return Buffer.from('null'); // Go marshals a nil slice as null
  return Buffer.from(`[${rows.map((row) => encodeRow(columns, row, options)).join(',')}]`, 'utf8');
}
