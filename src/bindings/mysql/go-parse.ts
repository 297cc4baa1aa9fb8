/** Go's standard-library parsers that a go-sql-driver DSN goes through (net/url, time). */

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

const GO_DURATION_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's `time.ParseDuration`, in milliseconds (a unit is required except for `0`). */
export function parseGoDuration(raw: string): number {
  const invalid = new DsnError(`time: invalid duration "${raw}"`);
  let rest = raw;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid;
  let ns = 0;
  while (rest !== '') {
    const match = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw invalid;
    ns += Number(`${match[1] || '0'}.${match[2] || '0'}`) * GO_DURATION_NS[match[3]!]!;
    rest = rest.slice(match[0].length);
  }
  return (sign * ns) / 1e6;
}
