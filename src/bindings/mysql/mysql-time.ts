import { formatRfc3339Nano, utcWallClock, type WallClock } from '../go-time';

/** A DATE/DATETIME/TIMESTAMP value Go's driver or encoder refuses, with go-sql-driver's or Go's words. */
export class TimeValueError extends Error {}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC that `zone` observes at the instant `epochMs`. */
function offsetAt(epochMs: number, zone: string): number {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  asUtc.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return Math.round((asUtc.getTime() - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
}

/** The zone name `loc` stands for: `Local` is this process's zone (UTC on Lambda). */
function zoneName(loc: string): string {
  return loc === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : loc;
}

/** The offset Go's `time.Date` gives a wall-clock time (as if UTC, in ms) in `loc`. */
function offsetOfWall(wallMs: number, loc: string): number {
  if (loc === 'UTC') return 0;
  const zone = zoneName(loc);
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const first = offsetAt(wallMs, zone);
  const second = offsetAt(wallMs - first * 60_000, zone);
  return first === second ? first : offsetAt(wallMs - second * 60_000, zone);
}

/** Go's `time.Date`: out-of-range fields roll over (month 0 is December of the year before). */
function normalise(fields: WallClock): { wall: WallClock; wallMs: number } {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return { wall: utcWallClock(date, fields.nanosecond), wallMs: date.getTime() };
}

const ZERO = '0000-00-00 00:00:00.000000';
const VALID_LENGTHS = new Set([10, 19, 21, 22, 23, 24, 25, 26]);

/** go-sql-driver's `parseDateTime`: `YYYY-MM-DD[ HH:MM:SS[.ffffff]]`; undefined for Go's zero time. */
function parseDateTime(text: string): WallClock | undefined {
  if (!VALID_LENGTHS.has(text.length)) throw new TimeValueError(`invalid time bytes: ${text}`);
  if (text === ZERO.slice(0, text.length)) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/.exec(text);
  if (!match) throw new TimeValueError(`invalid time bytes: ${text}`);
  const [, year, month, day, hour, minute, second, fraction] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    nanosecond: Number((fraction ?? '').padEnd(6, '0')) * 1000,
  };
}

/**
 * The JSON string Go writes for a DATE/DATETIME/TIMESTAMP column: daprd forces `parseTime`, so the
 * value becomes a `time.Time` in the DSN's `loc`, marshalled as RFC 3339 with nanoseconds.
 */
export function encodeDateTime(text: string, loc: string): string {
  const fields = parseDateTime(text);
  if (!fields) return '0001-01-01T00:00:00Z'; // Go's zero time.Time, always UTC
  const { wall, wallMs } = normalise(fields);
  if (wall.year < 0 || wall.year > 9999) {
    throw new TimeValueError(
      'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]',
    );
  }
  return formatRfc3339Nano(wall, offsetOfWall(wallMs, loc));
}

/** The TIME string go-sql-driver gives: `[-]HH:MM:SS` plus the column's fractional digits. */
export function encodeTime(text: string, decimals: number): string {
  const match = /^(-?)(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, hours, minutes, seconds, fraction] = match;
  const digits = decimals >= 1 && decimals <= 6 ? decimals : 0;
  const hourText = Number(hours) >= 100 ? String(Number(hours)) : hours!.padStart(2, '0');
  const frac = digits > 0 ? `.${(fraction ?? '').padEnd(6, '0').slice(0, digits)}` : '';
  return `${sign}${hourText}:${minutes}:${seconds}${frac}`;
}
