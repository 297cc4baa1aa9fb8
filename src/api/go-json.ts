/**
 * Re-encodes a parsed JSON value the way Go's `json.Marshal` does, because daprd hands bindings
 * `json.Marshal(req.Data)` rather than the caller's bytes (dapr-contract §1.4).
 */

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

// Characters Go escapes, plus lone surrogates (with the `u` flag a paired surrogate is one code
// point and does not match), which Go's decoder has already turned into U+FFFD.
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/gu;

/** Quotes a string as Go's encoder does: HTML-safe, short control escapes, `\u00xx` otherwise. */
export function goQuote(value: string): string {
  return `"${value.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

function escapeChar(ch: string): string {
  const known = ESCAPES[ch];
  if (known !== undefined) return known;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Formats a float64 as Go does: JS shortest round-trip digits, but Go keeps the sign of zero. */
function goNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The Go `json.Marshal` text of a value produced by `JSON.parse`; `undefined` marshals as `null`. */
export function goMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
      return goNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return `[${value.map(goMarshal).join(',')}]`;
      return marshalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`json: unsupported type: ${typeof value}`);
  }
}

function marshalObject(value: Record<string, unknown>): string {
  // Go marshals maps with keys sorted bytewise, which is UTF-8 order, not JS's UTF-16 order.
  const keys = Object.keys(value).sort(compareUtf8);
  return `{${keys.map((key) => `${goQuote(key)}:${goMarshal(value[key])}`).join(',')}}`;
}

/** The bytes daprd passes to a binding for an HTTP request's `data` value. */
export function goMarshalBytes(value: unknown): Buffer {
  return Buffer.from(goMarshal(value), 'utf8');
}
