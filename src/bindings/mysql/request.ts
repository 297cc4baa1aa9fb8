/** Request metadata of daprd's mysql binding (`sql`, `params`), checked before anything is sent. */
import { goQuoteChar, goSyntaxError } from '../../api/go-json-syntax';

/** A request daprd refuses; the message is daprd's. */
export class MysqlRequestError extends Error {}

/** One bind value as Go's `json.Unmarshal` into `[]any` gives it: float64, string, bool or nil. */
export type BindValue = number | string | boolean | null;

/** The `sql` metadata, required (daprd: `required metadata not set: sql`). */
export function readSql(metadata: Readonly<Record<string, string>>): string {
  const sql = metadata.sql ?? '';
  if (sql === '') throw new MysqlRequestError('required metadata not set: sql');
  return sql;
}

const SPACE = /^[ \t\n\r]*$/;

/** Go's `json.Unmarshal` error text for `raw` when it is not valid JSON. */
function unmarshalSyntaxError(raw: string): string | undefined {
  const bytes = Buffer.from(raw, 'utf8');
  const first = goSyntaxError(bytes);
  if (first === 'EOF' || first === 'unexpected EOF') return 'unexpected end of JSON input';
  if (first !== undefined) return first;
  // The first value is well-formed: Unmarshal also refuses anything but spaces after it.
  for (let end = bytes.length - 1; end > 0; end -= 1) {
    try {
      JSON.parse(bytes.subarray(0, end).toString('utf8'));
    } catch {
      continue;
    }
    const rest = bytes.subarray(end);
    const offset = rest.findIndex((c) => !SPACE.test(String.fromCharCode(c)));
    return offset < 0 ? undefined : `invalid character ${goQuoteChar(rest[offset]!)} after top-level value`;
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

/** A JSON number float64 cannot hold: Go's decoder refuses it (`1e400`). */
function hugeNumber(raw: string): string | undefined {
  const numbers = raw.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? [];
  return numbers.find((n) => !Number.isFinite(Number(n)));
}

function hasInfinity(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasInfinity);
}

function unserialize(raw: string): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(unmarshalSyntaxError(raw) ?? 'unexpected end of JSON input');
  }
  if (parsed === null) return null;
  if (!Array.isArray(parsed))
    throw new Error(`json: cannot unmarshal ${kindOf(parsed)} into Go value of type []interface {}`);
  const huge = hasInfinity(parsed) ? hugeNumber(raw) : undefined;
  if (huge !== undefined) throw new Error(`json: cannot unmarshal number ${huge} into Go value of type float64`);
  return parsed;
}

/**
 * The `params` metadata: a JSON array (empty or absent: no parameters). daprd's message when it is
 * not one; objects and arrays inside it are refused as database/sql refuses them, before sending.
 */
export function readParams(metadata: Readonly<Record<string, string>>): BindValue[] {
  const raw = metadata.params ?? '';
  if (raw === '') return [];
  let values: unknown[] | null;
  try {
    values = unserialize(raw);
  } catch (error) {
    throw new MysqlRequestError(
      `invalid metadata property params: failed to unserialize into an array: ${(error as Error).message}`,
    );
  }
  return (values ?? []) as BindValue[];
}

/** database/sql's refusal of a parameter go-sql-driver cannot bind (a JSON object or array), if any. */
export function unsupportedParam(values: readonly unknown[]): string | undefined {
  const index = values.findIndex((value) => typeof value === 'object' && value !== null);
  if (index < 0) return undefined;
  const value = values[index];
  const detail = Array.isArray(value)
    ? 'unsupported type []interface {}, a slice of interface'
    : 'unsupported type map[string]interface {}, a map';
  return `sql: converting argument $${index + 1} type: ${detail}`;
}
