import { formatFloatF } from '../../../../../src/bindings/aws/dynamodb/go-float';

// Expected texts are Go's strconv.FormatFloat(f, 'f', -1, 64), as attributevalue writes N values (checked
// against a Go 1.26 program).
const cases: Array<[number, string]> = [
  [0, '0'],
  [-0, '-0'],
  [1, '1'],
  [-1.5, '-1.5'],
  [0.1, '0.1'],
  [123.456, '123.456'],
  [1e20, '100000000000000000000'],
  [1e21, '1000000000000000000000'],
  [1.5e21, '1500000000000000000000'],
  [-2.5e22, '-25000000000000000000000'],
  // Literals past float64 precision, written as text so the rounding stays visible.
  [Number('12345678901234567890'), '12345678901234567000'],
  [Number('9007199254740993'), '9007199254740992'],
  [Number('1.2345678901234567e25'), '12345678901234566000000000'],
  [1e-6, '0.000001'],
  [1e-7, '0.0000001'],
  [1.5e-7, '0.00000015'],
  [-1.25e-10, '-0.000000000125'],
  [1.2e-5, '0.000012'],
  [1e300, `1${'0'.repeat(300)}`],
  [5e-324, `0.${'0'.repeat(323)}5`],
  [1.7976931348623157e308, `17976931348623157${'0'.repeat(292)}`],
];

describe('formatFloatF (Go strconv.FormatFloat with f, -1, 64)', () => {
  it.each(cases)('writes %p as %p', (value, expected) => {
    expect(formatFloatF(value)).toBe(expected);
  });

  it('reads back as the same float64', () => {
    for (const [value] of cases) expect(Number(formatFloatF(value))).toBe(value);
  });

  it('refuses a value JSON cannot hold', () => {
    expect(() => formatFloatF(Number.NaN)).toThrow(RangeError);
    expect(() => formatFloatF(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
