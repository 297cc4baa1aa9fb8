import { goFloatV, goSprintV } from '../../../../../src/bindings/aws/sns/go-format';

describe("Go's %v of decoded JSON", () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [-2.5, '-2.5'],
    [123456, '123456'],
    [999999, '999999'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000123, '0.000123'],
    [1e21, '1e+21'],
    [1.5e300, '1.5e+300'],
    [5e-324, '5e-324'],
    [Number('12345678901234567890'), '1.2345678901234567e+19'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('prints the float64 %p as %p', (value, text) => {
    expect(goFloatV(value)).toBe(text);
  });

  it('prints strings bare, nil as <nil>, bools as words', () => {
    expect(goSprintV('a "quoted" text')).toBe('a "quoted" text');
    expect(goSprintV(null)).toBe('<nil>');
    expect(goSprintV(undefined)).toBe('<nil>');
    expect(goSprintV(true)).toBe('true');
  });

  it('prints slices as [a b] and maps as map[k:v] with keys in byte order, nested alike', () => {
    expect(goSprintV([])).toBe('[]');
    expect(goSprintV({})).toBe('map[]');
    expect(goSprintV([1, 'two words', null, [false]])).toBe('[1 two words <nil> [false]]');
    expect(goSprintV({ b: 1, a: { z: [1e6], B: 'x' }, é: 0, Z: 2 })).toBe('map[Z:2 a:map[B:x z:[1e+06]] b:1 é:0]');
    expect(goSprintV({ '\u{1F600}': 1, '\uFFFD': 2 })).toBe('map[\uFFFD:2 \u{1F600}:1]');
  });
});
