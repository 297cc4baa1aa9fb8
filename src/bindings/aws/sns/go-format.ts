/** Go's `fmt.Sprintf("%v", x)` for the values `encoding/json` decodes into an `interface{}`. */

/** `%v` of a float64: strconv's shortest `%g`, which switches to an exponent outside 1e-4 ≤ |x| < 1e21… at 1e6. */
export function goFloatV(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  // strconv 'g' with the shortest precision uses %e when the exponent is < -4 or >= 6 (eprec = 6).
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return `${sign}${Math.abs(value).toString()}`;
}

/** Go's `fmtsort` order of string map keys: bytewise on UTF-8. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * `%v` of a decoded JSON value: nil is `<nil>`, strings are bare, numbers are float64, arrays are
 * `[a b]` and objects are `map[k:v …]` with sorted keys, all nested values printed the same way.
 */
export function goSprintV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFloatV(value);
  if (Array.isArray(value)) return `[${value.map(goSprintV).join(' ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b));
  return `map[${entries.map(([key, item]) => `${key}:${goSprintV(item)}`).join(' ')}]`;
}
