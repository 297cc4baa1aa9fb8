/** Go's `time` formats used in daprd's response metadata. */

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

/** `t.UTC().Format(time.RFC3339Nano)` for nanoseconds since the epoch: fraction zeros trimmed. */
export function formatRfc3339Nano(epochNs: bigint): string {
  const ms = Number(epochNs / 1_000_000n);
  const nanos = Number(epochNs % 1_000_000_000n);
  const date = new Date(ms);
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}${fraction}Z`
  );
}

/** `strconv`-style decimal of `value / 10^digits` with trailing zeros (and a bare point) removed. */
function fixed(value: bigint, digits: number): string {
  const unit = 10n ** BigInt(digits);
  const whole = value / unit;
  const frac = pad(value % unit, digits).replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** Go's `time.Duration.String()`: `0s`, `850ns`, `1.5µs`, `12.345ms`, `2.5s`, `1m30s`, `1h0m0s`. */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const abs = ns < 0n ? -ns : ns;
  if (abs < 1_000n) return `${sign}${abs}ns`;
  if (abs < 1_000_000n) return `${sign}${fixed(abs, 3)}µs`;
  if (abs < 1_000_000_000n) return `${sign}${fixed(abs, 6)}ms`;
  const hours = abs / 3_600_000_000_000n;
  const minutes = (abs / 60_000_000_000n) % 60n;
  const seconds = fixed(abs % 60_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/** A wall clock in nanoseconds (microsecond resolution) and a monotonic one, read together. */
export function clocks(): { wallNs: bigint; monoNs: bigint } {
  const micros = Math.round((performance.timeOrigin + performance.now()) * 1000);
  return { wallNs: BigInt(micros) * 1000n, monoNs: process.hrtime.bigint() };
}
