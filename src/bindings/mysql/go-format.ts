/** Go's text forms of floats, as daprd's mysql binding writes them. */

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
