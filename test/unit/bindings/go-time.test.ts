import { formatGoDuration, formatRfc3339Nano, formatUtcNanos } from '../../../src/bindings/go-time';

describe("Go's time formats for daprd's response metadata", () => {
  it.each<[bigint, string]>([
    [0n, '0s'],
    [850n, '850ns'],
    [1_000n, '1µs'],
    [1_500n, '1.5µs'],
    [12_345_678n, '12.345678ms'],
    [1_000_000n, '1ms'],
    [2_500_000_000n, '2.5s'],
    [1_000_000_001n, '1.000000001s'],
    [90_000_000_000n, '1m30s'],
    [120_000_000_000n, '2m0s'],
    [3_600_000_000_000n, '1h0m0s'],
    [3_723_500_000_000n, '1h2m3.5s'],
    [-1_500n, '-1.5µs'],
    [1n, '1ns'],
    [999n, '999ns'],
    [60_000_000_000n, '1m0s'],
    [3_723_000_000_001n, '1h2m3.000000001s'],
  ])('Duration(%s).String() is %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });

  it.each<[bigint, string]>([
    [0n, '1970-01-01T00:00:00Z'],
    [1_700_000_000_123_456_000n, '2023-11-14T22:13:20.123456Z'],
    [1_700_000_000_100_000_000n, '2023-11-14T22:13:20.1Z'],
    [1_700_000_000_000_000_001n, '2023-11-14T22:13:20.000000001Z'],
    [1_700_000_000_123_456_789n, '2023-11-14T22:13:20.123456789Z'],
  ])('RFC3339Nano of %s ns is %s', (ns, text) => {
    expect(formatUtcNanos(ns)).toBe(text);
  });

  it('writes a wall clock with its zone offset, Z for UTC', () => {
    const wall = { year: 2024, month: 2, day: 29, hour: 23, minute: 5, second: 9, nanosecond: 120_000_000 };
    expect(formatRfc3339Nano(wall, 0)).toBe('2024-02-29T23:05:09.12Z');
    expect(formatRfc3339Nano(wall, 330)).toBe('2024-02-29T23:05:09.12+05:30');
    expect(formatRfc3339Nano({ ...wall, nanosecond: 0 }, -480)).toBe('2024-02-29T23:05:09-08:00');
  });
});
