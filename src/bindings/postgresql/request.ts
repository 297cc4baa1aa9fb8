import { InvalidRequestMetadataError } from '../../api/errors';
import { goMarshal } from '../../api/go-json';
import { goSyntaxError } from '../../api/go-json-syntax';
import type { InvokeRequest } from '../driver';

/** One statement to run: the SQL text and its positional parameters ($1…$n). */
export interface Statement {
  sql: string;
  params: unknown[];
}

function goKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'object';
}

/** The index just past the first JSON value of a text whose first value is well-formed. */
function firstValueEnd(text: string): number {
  let depth = 0;
  let inString = false;
  let i = text.length - text.trimStart().length;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && /[\s,\]}]/.test(c)) return i;
  }
  return i;
}

/** Go's `json.Unmarshal(text, &[]any)` error, or undefined when the text decodes. */
function unmarshalError(text: string): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const syntax = goSyntaxError(bytes);
  if (syntax === 'EOF' || syntax === 'unexpected EOF') return 'unexpected end of JSON input';
  if (syntax !== undefined) return syntax;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The first value is well-formed, so JSON.parse failed on what follows it.
    const rest = text.slice(firstValueEnd(text)).trimStart();
    return `invalid character '${rest[0] ?? ' '}' after top-level value`;
  }
  if (value === null || Array.isArray(value)) return undefined;
  return `json: cannot unmarshal ${goKind(value)} into Go value of type []interface {}`;
}

/** Parameters as pg sends them; objects become the JSON text Go's `json.Marshal` gives (as pgx does for json). */
function toPgParam(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPgParam);
  if (value !== null && typeof value === 'object') return goMarshal(value);
  return value;
}

/**
 * daprd's request checks (bindings/postgres/postgres.go): `sql` is required (exact-case key, non-empty)
 * and `params`, when not empty, must decode as a JSON array (`null` means no parameters).
 */
export function statementOf(request: InvokeRequest): Statement {
  const sql = request.metadata.sql ?? '';
  if (sql === '') throw new InvalidRequestMetadataError(request.name, 'required metadata not set: sql');
  const raw = request.metadata.params ?? '';
  if (raw === '') return { sql, params: [] };
  const problem = unmarshalError(raw);
  if (problem !== undefined) {
    throw new InvalidRequestMetadataError(
      request.name,
      `invalid metadata property params: failed to unserialize into an array: ${problem}`,
    );
  }
  const parsed = JSON.parse(raw) as unknown[] | null;
  return { sql, params: (parsed ?? []).map(toPgParam) };
}
