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

/** A number JSON text can hold but float64 cannot (`1e400`): Go's decoder refuses it before marshalling. */
export class NonFiniteNumberError extends Error {}

/** Formats a float64 as Go does: JS shortest round-trip digits, but Go keeps the sign of zero. */
function goNumber(value: number): string {
  if (!Number.isFinite(value)) throw new NonFiniteNumberError(String(value));
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Text to emit as is, queued between values on the encoder's work stack. */
class Raw {
  constructor(readonly text: string) {}
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
      return goNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return undefined;
    default:
      throw new TypeError(`json: unsupported type: ${typeof value}`);
  }
}

/**
 * The Go `json.Marshal` text of a value produced by `JSON.parse`; `undefined` marshals as `null`.
 * Iterative, because daprd accepts nesting up to 10000 levels, deeper than the JS stack allows.
 */
export function goMarshal(value: unknown): string {
  const out: string[] = [];
  const work: unknown[] = [value];
  while (work.length > 0) {
    const item = work.pop();
    if (item instanceof Raw) {
      out.push(item.text);
      continue;
    }
    const text = scalar(item);
    if (text !== undefined) {
      out.push(text);
    } else if (Array.isArray(item)) {
      out.push('[');
      work.push(new Raw(']'));
      for (let i = item.length - 1; i >= 0; i -= 1) {
        work.push(item[i]);
        if (i > 0) work.push(new Raw(','));
      }
    } else {
      const record = item as Record<string, unknown>;
      // Go marshals maps with keys sorted bytewise, which is UTF-8 order, not JS's UTF-16 order.
      const keys = Object.keys(record).sort(compareUtf8);
      out.push('{');
      work.push(new Raw('}'));
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i]!;
        work.push(record[key]);
        work.push(new Raw(`${i > 0 ? ',' : ''}${goQuote(key)}:`));
      }
    }
  }
  return out.join('');
}

/** The bytes daprd passes to a binding for an HTTP request's `data` value. */
export function goMarshalBytes(value: unknown): Buffer {
  return Buffer.from(goMarshal(value), 'utf8');
}
