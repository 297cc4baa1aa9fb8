/** daprd's `metadata.TryGetTTL` (components-contrib metadata/utils.go), in whole milliseconds. */

const NS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_INT64 = 2n ** 63n - 1n;

/** Go's `time.ParseDuration` in nanoseconds, or undefined when Go would refuse the text (overflow included). */
export function goDurationNs(raw: string): bigint | undefined {
  const sign = raw.startsWith('-') ? -1n : 1n;
  let rest = raw.replace(/^[+-]/, '');
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  const part = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;
  while (rest !== '') {
    const match = part.exec(rest);
    if (!match) return undefined;
    const [whole, intDigits = '', fracDigits = '', unit = ''] = match;
    if (intDigits === '' && fracDigits === '') return undefined;
    const perUnit = NS_PER_UNIT[unit]!;
    total += BigInt(intDigits || '0') * perUnit;
    if (fracDigits !== '') total += (BigInt(fracDigits) * perUnit) / 10n ** BigInt(fracDigits.length);
    if (total > MAX_INT64) return undefined;
    rest = rest.slice(whole.length);
  }
  return sign * total;
}

/** Why a TTL value was refused, in daprd's words (without daprd's per-caller prefix). */
export class TtlError extends Error {}

/**
 * A TTL value with daprd's rules: a Go duration (a negative one is 0), else a positive whole number
 * of seconds. Returns milliseconds, truncated as Go's `Duration.Milliseconds()`.
 */
export function parseTtlMs(raw: string): number {
  const ns = goDurationNs(raw);
  if (ns !== undefined) return Number((ns < 0n ? 0n : ns) / 1_000_000n);
  if (!/^[+-]?\d+$/.test(raw)) throw new TtlError(`ttl value must be a valid integer: actual is '${raw}'`);
  const seconds = BigInt(raw);
  if (seconds > MAX_INT64 || seconds < -MAX_INT64 - 1n) {
    throw new TtlError(`ttl value must be a valid integer: actual is '${raw}'`);
  }
  if (seconds <= 0n) throw new TtlError(`ttl value must be higher than zero: actual is '${seconds}'`);
  // Go multiplies by time.Second in int64 and turns an overflow into the largest duration.
  const nanos = seconds * 1_000_000_000n;
  return Number((nanos > MAX_INT64 ? MAX_INT64 : nanos) / 1_000_000n);
}

/** The TTL text daprd reads: `ttl`, else `ttlInSeconds`, names case-insensitive (kit's `GetMetadataProperty`). */
export function ttlText(metadata: Readonly<Record<string, string>>): string {
  const lower = new Map(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));
  return lower.get('ttl') ?? lower.get('ttlinseconds') ?? '';
}
