/** Go's text forms of durations and times, as daprd's components write them. */

/** Go's `fmtFrac`: `value` with `precision` fractional digits, trailing zeros (and a bare `.`) dropped. */
function withFraction(whole: bigint, fraction: bigint, precision: number): string {
  const digits = fraction.toString().padStart(precision, '0').replace(/0+$/, '');
  return digits === '' ? whole.toString() : `${whole}.${digits}`;
}

/** Go's `time.Duration.String()` for a number of nanoseconds: `0s`, `850ns`, `1.5µs`, `2.25ms`, `1m0.5s`. */
export function formatGoDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const sign = nanoseconds < 0n ? '-' : '';
  const u = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${withFraction(u / 1_000n, u % 1_000n, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${withFraction(u / 1_000_000n, u % 1_000_000n, 6)}ms`;
  const seconds = withFraction((u / 1_000_000_000n) % 60n, u % 1_000_000_000n, 9);
  const totalMinutes = u / 60_000_000_000n;
  if (totalMinutes === 0n) return `${sign}${seconds}s`;
  const hours = totalMinutes / 60n;
  const minutes = `${totalMinutes % 60n}m${seconds}s`;
  return hours === 0n ? `${sign}${minutes}` : `${sign}${hours}h${minutes}`;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Wall-clock fields of a time, with sub-second precision in nanoseconds. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
}

/** Go's `time.RFC3339Nano` layout for a wall clock at `offsetMinutes` east of UTC (`Z` for 0). */
export function formatRfc3339Nano(wall: WallClock, offsetMinutes: number): string {
  const date = `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
  const clock = `${pad(wall.hour, 2)}:${pad(wall.minute, 2)}:${pad(wall.second, 2)}`;
  const fraction = wall.nanosecond === 0 ? '' : `.${pad(wall.nanosecond, 9).replace(/0+$/, '')}`;
  if (offsetMinutes === 0) return `${date}T${clock}${fraction}Z`;
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  return `${date}T${clock}${fraction}${zone}`;
}

/** An instant in nanoseconds since the Unix epoch, as `time.Now().UTC().Format(time.RFC3339Nano)`. */
export function formatUtcNanos(epochNanos: bigint): string {
  const date = new Date(Number(epochNanos / 1_000_000n));
  return formatRfc3339Nano(utcWallClock(date, Number(epochNanos % 1_000_000_000n)), 0);
}

/** The UTC wall-clock fields of a date, with the given nanoseconds as the sub-second part. */
export function utcWallClock(date: Date, nanosecond: number): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nanosecond,
  };
}

/** A wall clock in nanoseconds (microsecond resolution) and a monotonic one, read together. */
export function clocks(): { wallNs: bigint; monoNs: bigint } {
  const micros = Math.round((performance.timeOrigin + performance.now()) * 1000);
  return { wallNs: BigInt(micros) * 1000n, monoNs: process.hrtime.bigint() };
}
