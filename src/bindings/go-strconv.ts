/** Go's `strconv.Unquote`, on bytes, as daprd's components call it to unquote request data. */
import { isUtf8 } from 'node:buffer';
import { decodeRune, RUNE_ERROR } from '../api/go-utf8';

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function hexValue(byte: number | undefined): number | undefined {
  if (byte === undefined) return undefined;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/**
 * Go's `strconv.UnquoteChar` on bytes: the value, whether it is a code point to write as UTF-8
 * (else one raw byte), and the next offset; undefined on a syntax error.
 */
function unquoteChar(
  s: Buffer,
  at: number,
  quote: number,
): [value: number, multibyte: boolean, next: number] | undefined {
  const c = s[at];
  if (c === undefined || c === quote) return undefined;
  if (c >= 0x80) {
    const [rune, size] = decodeRune(s, at);
    return [rune, true, at + size];
  }
  if (c !== BACKSLASH) return [c, false, at + 1];
  const e = s[at + 1];
  if (e === undefined) return undefined;
  const escape = String.fromCharCode(e);
  const simple = SIMPLE_ESCAPES[escape];
  if (simple !== undefined) return [simple, false, at + 2];
  if (escape === 'x' || escape === 'u' || escape === 'U') {
    const n = escape === 'x' ? 2 : escape === 'u' ? 4 : 8;
    let v = 0;
    for (let j = 0; j < n; j++) {
      const x = hexValue(s[at + 2 + j]);
      if (x === undefined) return undefined;
      v = v * 16 + x;
    }
    if (escape === 'x') return [v, false, at + 2 + n];
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined; // !utf8.ValidRune
    return [v, true, at + 2 + n];
  }
  if (e >= 0x30 && e <= 0x37) {
    let v = e - 0x30;
    for (let j = 0; j < 2; j++) {
      const d = s[at + 2 + j];
      if (d === undefined || d < 0x30 || d > 0x37) return undefined;
      v = v * 8 + (d - 0x30);
    }
    if (v > 255) return undefined;
    return [v, false, at + 4];
  }
  if (e === 0x22 || e === 0x27) return e === quote ? [e, false, at + 2] : undefined;
  return undefined;
}

/**
 * Go's `strconv.Unquote` on bytes: the unquoted bytes of a Go string literal ("…", '…' or `…`),
 * or undefined when the input is not exactly one literal (daprd then keeps the raw bytes).
 */
export function goUnquote(input: Buffer): Buffer | undefined {
  if (input.length < 2) return undefined;
  const quote = input[0]!;
  const closing = input.indexOf(quote, 1);
  if (closing < 0) return undefined;
  const end = closing + 1;
  if (quote === 0x60) {
    if (end !== input.length) return undefined;
    const body = input.subarray(1, end - 1);
    return Buffer.from(body.filter((byte) => byte !== 0x0d));
  }
  if (quote !== 0x22 && quote !== 0x27) return undefined;
  const head = input.subarray(0, end);
  if (!head.includes(BACKSLASH) && !head.includes(NEWLINE)) {
    const body = input.subarray(1, end - 1);
    let valid: boolean;
    if (quote === 0x22) valid = isUtf8(body);
    else {
      const [rune, size] = body.length > 0 ? decodeRune(body, 0) : [RUNE_ERROR, 0];
      valid = 2 + size === end && (rune !== RUNE_ERROR || size !== 1);
    }
    if (valid) return end === input.length ? Buffer.from(body) : undefined;
  }
  const out: number[] = [];
  let at = 1;
  while (at < input.length && input[at] !== quote) {
    const char = unquoteChar(input, at, quote);
    if (input[at] === NEWLINE || char === undefined) return undefined;
    const [value, multibyte, next] = char;
    if (value < 0x80 || !multibyte) out.push(value);
    else out.push(...Buffer.from(String.fromCodePoint(value), 'utf8'));
    at = next;
    if (quote === 0x27) break;
  }
  if (!(at < input.length && input[at] === quote)) return undefined;
  return at + 1 === input.length ? Buffer.from(out) : undefined;
}
