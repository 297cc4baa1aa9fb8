/**
 * Pure helpers with the exact semantics of the Go functions daprd's localstorage binding calls:
 * `strconv.Unquote`, `base64.StdEncoding.DecodeString`, and the root-relative path handling.
 */
import * as path from 'node:path';

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const RUNE_ERROR = 0xfffd;

/** Go's `utf8.DecodeRune`: the code point and its length; (U+FFFD, 1) for an invalid sequence. */
export function decodeRune(bytes: Buffer, at: number): [rune: number, size: number] {
  const b0 = bytes[at]!;
  if (b0 < 0x80) return [b0, 1];
  const cont = (i: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[at + i];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf && cont(1)) return [((b0 & 0x1f) << 6) | (bytes[at + 1]! & 0x3f), 2];
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf; // no surrogates
    if (cont(1, lo, hi) && cont(2)) {
      return [((b0 & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f), 3];
    }
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (cont(1, lo, hi) && cont(2) && cont(3)) {
      const rune =
        ((b0 & 0x07) << 18) |
        ((bytes[at + 1]! & 0x3f) << 12) |
        ((bytes[at + 2]! & 0x3f) << 6) |
        (bytes[at + 3]! & 0x3f);
      return [rune, 4];
    }
  }
  return [RUNE_ERROR, 1];
}

function isValidUtf8(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length;) {
    const [rune, size] = decodeRune(bytes, i);
    if (rune === RUNE_ERROR && size === 1) return false;
    i += size;
  }
  return true;
}

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
    if (quote === 0x22) valid = isValidUtf8(body);
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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Go's `base64.StdEncoding.DecodeString`: standard alphabet, padding required, `\r` and `\n`
 * skipped anywhere, non-zero trailing bits accepted; undefined when the text is not base64.
 */
export function goBase64Decode(input: Buffer): Buffer | undefined {
  const text = input.toString('latin1').replace(/[\r\n]/g, '');
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

/** What daprd's `create` writes: the data unquoted when it is a Go string literal, then base64-decoded when it decodes. */
export function bytesToWrite(data: Buffer): Buffer {
  const unquoted = goUnquote(data) ?? data;
  return goBase64Decode(unquoted) ?? unquoted;
}

/** Why a file name is refused, or undefined. */
export function fileNameProblem(fileName: string): string | undefined {
  if (fileName.includes('\0')) return `invalid file name ${JSON.stringify(fileName)}: it contains a NUL character`;
  if (path.posix.isAbsolute(fileName)) return `invalid file name ${fileName}: absolute paths are not allowed`;
  const normalized = path.posix.normalize(fileName);
  if (normalized === '..' || normalized.startsWith('../')) {
    return `invalid file name ${fileName}: it points outside of rootPath`;
  }
  return undefined;
}

/**
 * The absolute path of a file name under a (resolved, absolute) root and its path relative to it,
 * as daprd's `getSecureAbsRelPath`; a name leaving the root is refused (daprd's securejoin clamps
 * it into the root instead). Returns an error message for a refused name.
 */
export function resolveUnderRoot(
  rootPath: string,
  fileName: string,
): { absPath: string; relPath: string } | { problem: string } {
  const problem = fileNameProblem(fileName);
  if (problem) return { problem };
  const absPath = path.posix.join(rootPath, fileName).replace(/(.)\/$/, '$1');
  const relPath = path.posix.relative(rootPath, absPath) || '.';
  return { absPath, relPath };
}

/** True when `candidate` is `root` or below it. */
export function isWithin(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith('/') ? root : `${root}/`);
}
