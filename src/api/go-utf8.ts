import { isUtf8 } from 'node:buffer';

/** U+FFFD, which Go's decoder answers (with size 1) for a byte that starts no valid sequence. */
export const RUNE_ERROR = 0xfffd;

/** Go's `utf8.DecodeRune`: the code point and its length; (U+FFFD, 1) for an invalid sequence. */
export function decodeRune(bytes: Uint8Array, at: number): [rune: number, size: number] {
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

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const [rune, size] = decodeRune(bytes, i);
  return rune === RUNE_ERROR && size === 1 ? 0 : size;
}

/**
 * Decodes bytes as Go's JSON decoder reads string contents: every byte that does not start a valid
 * sequence becomes one U+FFFD (Node's decoder would fold a truncated sequence into a single one).
 */
export function decodeUtf8AsGo(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < buffer.length) {
    const length = sequenceLength(buffer, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(buffer.toString('utf8', start, i), '\ufffd');
    i += 1;
    start = i;
  }
  parts.push(buffer.toString('utf8', start));
  return parts.join('');
}
