/** daprd's default X-priority when none is given. */
const DEFAULT_PRIORITY = 3;

/** daprd's message for a priority outside 1..5 (sic: two spaces, as bindings/smtp/smtp.go). */
const PRIORITY_RANGE = 'smtp binding error:  priority value must be between 1 (highest) and 5 (lowest)';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

const GO_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's `strconv.Quote` for these messages: printable characters as they are, control bytes escaped. */
export function goQuote(text: string): string {
  const body = text.replace(
    /["\\\x00-\x1f\x7f]/g,
    (c) => GO_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${body}"`;
}

/** Go's `strconv.Atoi` (64-bit): optional sign and decimal digits, with Go's error texts. */
export function goAtoi(raw: string): number {
  if (!/^[+-]?\d+$/.test(raw)) throw new Error(`strconv.Atoi: parsing ${goQuote(raw)}: invalid syntax`);
  const value = BigInt(raw);
  if (value > INT64_MAX || value < INT64_MIN)
    throw new Error(`strconv.Atoi: parsing ${goQuote(raw)}: value out of range`);
  return Number(value);
}

/** daprd's `parsePriority`: empty → 3, else `strconv.Atoi` and the 1..5 range check. */
export function parsePriority(raw: string): number {
  if (raw === '') return DEFAULT_PRIORITY;
  const priority = goAtoi(raw);
  if (priority < 1 || priority > 5) throw new Error(PRIORITY_RANGE);
  return priority;
}
