/**
 * Go's text for the values daprd's s3 binding prints: `strconv.FormatFloat(f, 'f', -1, 64)`,
 * `strings.TrimSpace` and `base64.StdEncoding` decoding errors.
 */
import { decodeRune } from '../../../api/go-utf8';

/** A float64 in Go's `'f'` format with the shortest digits: never an exponent (`1e21` → `1000000000000000000000`). */
export function goFormatFloatF(value: number): string {
  if (Object.is(value, -0)) return '-0';
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Go's unicode.IsSpace: ASCII spaces, U+0085, U+00A0 and the Unicode Z* spaces (not U+FEFF, unlike JS `trim`).
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING = new RegExp(`^${GO_SPACE}+`);
const TRAILING = new RegExp(`${GO_SPACE}+$`);

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}

const ALPHABET = /[A-Za-z0-9+/]/;

/**
 * Go's `base64.StdEncoding` decoding (padding required, `\r`/`\n` skipped): the bytes, or Go's
 * `illegal base64 data at input byte N` error.
 */
export function goBase64Decode(input: Buffer): Buffer {
  const text = input.toString('latin1');
  // Offsets in Go's error count the original input, newlines included.
  const positions: number[] = [];
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\r' || ch === '\n') continue;
    positions.push(i);
    clean += ch;
  }
  const fail = (cleanIndex: number) =>
    new Error(`illegal base64 data at input byte ${positions[cleanIndex] ?? text.length}`);
  for (let q = 0; q < clean.length; q += 4) {
    const quantum = clean.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const ch = quantum[j]!;
      if (ALPHABET.test(ch)) continue;
      if (ch !== '=' || j < 2) throw fail(q + j);
      // Padding: "xx==" or "xxx=", and nothing after it.
      if (j === 2 && quantum.length === 3) throw fail(q + 3);
      if (j === 2 && quantum[3] !== '=') throw fail(q + 2);
      if (q + 4 < clean.length) throw fail(q + 4);
      break;
    }
    if (quantum.length < 4 && !quantum.includes('=')) throw fail(q);
  }
  return Buffer.from(clean, 'base64');
}

const RUNE_ERROR = 0xfffd;

/** Bytes as Go's `json.Marshal` of `string(bytes)` sees them: each invalid UTF-8 byte becomes U+FFFD. */
export function goStringOfBytes(bytes: Buffer): string {
  const asText = bytes.toString('utf8');
  if (Buffer.byteLength(asText) === bytes.length && !asText.includes('\ufffd')) return asText;
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const [rune, size] = decodeRune(bytes, i);
    out += rune === RUNE_ERROR && size === 1 ? '\ufffd' : String.fromCodePoint(rune);
    i += size;
  }
  return out;
}
