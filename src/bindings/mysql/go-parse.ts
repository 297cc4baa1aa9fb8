/** Go's standard-library parsers that a go-sql-driver DSN goes through (net/url, time). */
import { goParseDuration } from '../go-duration';

/** A DSN go-sql-driver refuses; the message never contains the password. */
export class DsnError extends Error {}

/** Go's `url.QueryUnescape` (`plus` true) or `url.PathUnescape`. */
export function goUnescape(value: string, plus: boolean): string {
  const chars = Array.from(value); // code points, so a surrogate pair stays whole
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (ch === '%') {
      const hex = chars.slice(i + 1, i + 3).join('');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new DsnError(`invalid URL escape "${chars.slice(i, i + 3).join('')}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ch === '+' && plus) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Go's `time.ParseDuration`, in milliseconds (a unit is required except for `0`), refused with Go's text. */
export function parseGoDuration(raw: string): number {
  try {
    return goParseDuration(raw) / 1e6;
  } catch (error) {
    throw new DsnError((error as Error).message);
  }
}
