/**
 * Go's `strconv.FormatFloat(f, 'f', -1, 64)`: the shortest digits that read back as the same
 * float64 (JS and Go pick the same ones), written out without an exponent, `-0` kept.
 */
export function formatFloatF(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  if (Object.is(value, -0)) return '-0';
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest; // JS uses plain notation for 1e-7 < |value| < 1e21
  const [, sign, lead, fraction = '', exponentText] = match;
  const digits = lead! + fraction;
  // The decimal point sits after `point` digits of `digits`.
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
