/** Go's text forms of durations, times and floats, as daprd's mysql binding writes them. */

/** Go's `fmtFrac`: `value` with `precision` fractional digits, trailing zeros (and a bare `.`) dropped. */
function withFraction(whole: bigint, fraction: bigint, precision: number): string {
  const digits = fraction.toString().padStart(precision, '0').replace(/0+$/, '');
  return digits === '' ? whole.toString() : `${whole}.${digits}`;
}

/** Go's `time.Duration.String()` for a number of nanoseconds: `0s`, `850ns`, `1.5µs`, `2.25ms`, `1m0.5s`. */
export function goDurationString(nanoseconds: bigint): string {
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
  const ms = Number(epochNanos / 1_000_000n);
  const date = new Date(ms);
  return formatRfc3339Nano(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      nanosecond: Number(epochNanos % 1_000_000_000n),
    },
    0,
  );
}

/** Go's `json.Marshal` of a float64: JS's shortest digits, except that Go keeps the sign of zero. */
export function goFloat64(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Go's `json.Marshal` of a float32 (MySQL FLOAT): the fewest digits that read back as the same
 * float32, then written as Go writes a float64 (`1.1`, not `1.100000023841858`).
 */
export function goFloat32(value: number): string {
  const single = Math.fround(value);
  if (single === 0 || !Number.isFinite(single)) return goFloat64(single);
  for (let precision = 1; precision <= 9; precision += 1) {
    const text = single.toPrecision(precision);
    if (Math.fround(Number(text)) === single) return goFloat64(Number(text));
  }
  return goFloat64(single);
}
