import { goFloat32, goFloat64 } from '../../../../src/bindings/mysql/go-format';
import { encodeDateTime, encodeTime, TimeValueError } from '../../../../src/bindings/mysql/mysql-time';

describe('Go float encoding', () => {
  it.each<[number, string]>([
    [1.100000023841858, '1.1'],
    [Math.fround(0.1), '0.1'],
    [Math.fround(3.4e38), '3.4e+38'],
    [Math.fround(1e-7), '1e-7'],
    [Math.fround(123456789), '123456790'],
    [Math.fround(16777217), '16777216'],
    [-0, '-0'],
    [0, '0'],
  ])('float32 %s is %s', (value, text) => {
    expect(goFloat32(value)).toBe(text);
  });

  it.each<[number, string]>([
    [0.1, '0.1'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [123456789012, '123456789012'],
    [-0, '-0'],
  ])('float64 %s is %s', (value, text) => {
    expect(goFloat64(value)).toBe(text);
  });
});

describe('encodeDateTime (parseTime with loc, as daprd forces it)', () => {
  it.each<[string, string, string]>([
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00Z'],
    ['2024-01-02 03:04:05', 'UTC', '2024-01-02T03:04:05Z'],
    ['2024-01-02 03:04:05.120000', 'UTC', '2024-01-02T03:04:05.12Z'],
    ['2024-01-02 03:04:05.000000', 'UTC', '2024-01-02T03:04:05Z'],
    ['0000-00-00', 'UTC', '0001-01-01T00:00:00Z'],
    ['0000-00-00 00:00:00', 'Europe/Paris', '0001-01-01T00:00:00Z'],
    // time.Date rolls zero months and days over.
    ['2024-00-00', 'UTC', '2023-11-30T00:00:00Z'],
    ['0099-05-06', 'UTC', '0099-05-06T00:00:00Z'],
    ['2024-07-01 12:00:00', 'Europe/Paris', '2024-07-01T12:00:00+02:00'],
    ['2024-01-01 12:00:00', 'America/St_Johns', '2024-01-01T12:00:00-03:30'],
    ['2024-01-01 12:00:00', 'Etc/UTC', '2024-01-01T12:00:00Z'],
  ])('%s in %s is %s', (text, loc, json) => {
    expect(encodeDateTime(text, loc)).toBe(json);
  });

  it('refuses a value go-sql-driver cannot parse', () => {
    expect(() => encodeDateTime('2024-01-02 03:04', 'UTC')).toThrow(TimeValueError);
  });
});

describe('encodeTime (go-sql-driver formatBinaryTime)', () => {
  it.each<[string, number, string]>([
    ['12:34:56', 0, '12:34:56'],
    ['12:34:56.5', 3, '12:34:56.500'],
    ['00:00:00', 6, '00:00:00.000000'],
    ['-838:59:59', 0, '-838:59:59'],
    ['123:04:05.5', 31, '123:04:05'],
  ])('%s with %s decimals is %s', (text, decimals, out) => {
    expect(encodeTime(text, decimals)).toBe(out);
  });
});
