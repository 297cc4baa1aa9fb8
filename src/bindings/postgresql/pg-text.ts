/** Parsers of PostgreSQL's text output (DateStyle ISO, IntervalStyle postgres: the server defaults). */

/** A value daprd cannot serialise: the message of Go's `json.Marshal` error. */
export class GoMarshalError extends Error {}

const TIME_RANGE_ERROR =
  'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A Go `time.Time` in UTC: milliseconds since the epoch plus the sub-millisecond nanoseconds. */
interface Instant {
  ms: number;
  subMsNs: number;
}

function utcMs(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, h, m, s));
  date.setUTCFullYear(year);
  return date.getTime();
}

/** Go's `time.Time.MarshalJSON` of a UTC time: RFC 3339 with up to nine fraction digits, zeros trimmed. */
function formatInstant({ ms, subMsNs }: Instant): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new GoMarshalError(TIME_RANGE_ERROR);
  const nanos = date.getUTCMilliseconds() * 1_000_000 + subMsNs;
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  const clock = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  return `"${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${clock}${fraction}Z"`;
}

const DATE_TIME =
  /^(\d{4,})-(\d\d)-(\d\d)(?: (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?)?(?:([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?)?( BC)?$/;

/**
 * A `date`, `timestamp` or `timestamptz` as pgx decodes it and Go marshals it: a UTC time (pgx
 * builds timestamp and date in UTC; timestamptz is shown in UTC, the zone of a Lambda sandbox),
 * or pgx's `InfinityModifier` number for ±infinity.
 */
export function encodeDateTime(text: string): string {
  if (text === 'infinity') return '1';
  if (text === '-infinity') return '-1';
  const match = DATE_TIME.exec(text);
  if (!match) throw new GoMarshalError(`cannot decode date/time value ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os, bc] = match;
  // 1 BC is Go's year 0, 2 BC year -1.
  const year = bc ? 1 - Number(y) : Number(y);
  let ms = utcMs(year, Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (sign) {
    const offsetSeconds = Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0);
    ms -= (sign === '-' ? -1 : 1) * offsetSeconds * 1000;
  }
  const micros = frac ? Number(frac.padEnd(6, '0')) : 0;
  ms += Math.floor(micros / 1000);
  return formatInstant({ ms, subMsNs: (micros % 1000) * 1000 });
}

function clockMicros(text: string): number {
  const match = /^(\d+):(\d\d):(\d\d)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) throw new GoMarshalError(`cannot decode time value ${JSON.stringify(text)}`);
  const [, h, m, s, frac] = match;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return seconds * 1_000_000 + (frac ? Number(frac.padEnd(6, '0')) : 0);
}

/** A `time` as pgx's `pgtype.Time`, which has no JSON method: `{"Microseconds":…,"Valid":true}`. */
export function encodeTime(text: string): string {
  return `{"Microseconds":${clockMicros(text)},"Valid":true}`;
}

const INTERVAL_UNITS: Record<string, 'years' | 'months' | 'days'> = {
  year: 'years',
  years: 'years',
  mon: 'months',
  mons: 'months',
  day: 'days',
  days: 'days',
};

/** An `interval` as pgx's `pgtype.Interval`: `{"Microseconds":…,"Days":…,"Months":…,"Valid":true}`. */
export function encodeInterval(text: string): string {
  const totals = { years: 0, months: 0, days: 0 };
  let micros = 0;
  const tokens = text.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const unit = INTERVAL_UNITS[tokens[i + 1] ?? ''];
    if (/^[+-]?\d+$/.test(token) && unit) {
      totals[unit] += Number(token);
      i++;
    } else if (/^[+-]?\d+:\d\d:\d\d(\.\d+)?$/.test(token)) {
      const negative = token.startsWith('-');
      const value = clockMicros(token.replace(/^[+-]/, ''));
      micros += negative ? -value : value;
    } else {
      throw new GoMarshalError(`cannot decode interval value ${JSON.stringify(text)}`);
    }
  }
  const months = totals.years * 12 + totals.months;
  return `{"Microseconds":${micros},"Days":${totals.days},"Months":${months},"Valid":true}`;
}

/** The bytes of a `bytea` in the server's default hex output (`\x…`), or the escape format. */
export function byteaBytes(text: string): Buffer {
  if (text.startsWith('\\x')) return Buffer.from(text.slice(2), 'hex');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '\\') {
      bytes.push(0x5c);
      i++;
    } else if (text[i] === '\\') {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/**
 * The elements of an array literal (`{1,2}`, `{{a,b},{c,d}}`, `[0:1]={x,y}`), flattened in order as
 * pgx's `[]any` decoding does; `null` for an unquoted NULL.
 */
export function parseArrayLiteral(text: string): Array<string | null> {
  const body = text.startsWith('[') ? text.slice(text.indexOf('=') + 1) : text;
  const elements: Array<string | null> = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '{' || c === '}' || c === ',' || c === ' ') {
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        value += body[i] ?? '';
        i++;
      }
      i++;
      elements.push(value);
    } else {
      let end = i;
      while (end < body.length && body[end] !== ',' && body[end] !== '}') end++;
      const value = body.slice(i, end).trim();
      elements.push(value === 'NULL' ? null : value);
      i = end;
    }
  }
  return elements;
}
