import { goMarshal, goMarshalBytes } from '../../../src/api/go-json';

// Each row: the JSON text a caller sends as `data`, and the bytes daprd's json.Marshal produces.
const cases: Array<[string, string, string]> = [
  ['absent data', 'null', 'null'],
  ['a string keeps its quotes', '"hello"', '"hello"'],
  ['an escape stays an escape', '"a\\nb"', '"a\\nb"'],
  ['keys sorted, whitespace removed', '{ "b":1, "a":2 }', '{"a":2,"b":1}'],
  [
    'nested objects sorted at every level',
    '{"z":{"y":1,"x":[{"d":1,"c":2}]},"a":null}',
    '{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}',
  ],
  ['1.0 is 1', '1.0', '1'],
  ['1e21 keeps the exponent', '1e21', '1e+21'],
  ['small numbers use e-7', '0.0000001', '1e-7'],
  ['1e20 is written out', '1e20', '100000000000000000000'],
  ['float64 loses precision', '12345678901234567890', '12345678901234567000'],
  ['negative zero keeps its sign', '-0', '-0'],
  ['fractions round-trip', '3.14159', '3.14159'],
  ['HTML characters are escaped', '"<a&b>"', '"\\u003ca\\u0026b\\u003e"'],
  ['line and paragraph separators are escaped', '"\\u2028\\u2029"', '"\\u2028\\u2029"'],
  ['a unicode escape becomes raw UTF-8', '"\\u00e9"', '"é"'],
  ['astral characters stay raw', '"😀"', '"😀"'],
  ['short control escapes', '"\\b\\f\\n\\r\\t"', '"\\b\\f\\n\\r\\t"'],
  ['other control characters use lowercase \\u00xx', '"\\u0001\\u001f"', '"\\u0001\\u001f"'],
  ['DEL is not escaped', '"\\u007f"', '"\u007f"'],
  ['a lone surrogate becomes U+FFFD', '"\\ud800x"', '"\ufffdx"'],
  ['slash is not escaped', '"a/b"', '"a/b"'],
  ['quotes and backslashes', '"\\"\\\\"', '"\\"\\\\"'],
  ['booleans and arrays', '[true,false,1,"x",null]', '[true,false,1,"x",null]'],
  ['keys are escaped too', '{"<k>":1}', '{"\\u003ck\\u003e":1}'],
  ['the last duplicate key wins', '{"a":1,"a":2}', '{"a":2}'],
  ['empty object and array', '{"a":{},"b":[]}', '{"a":{},"b":[]}'],
  ['keys sort by UTF-8 bytes, not UTF-16 units', '{"\uff61":1,"😀":2,"a":3}', '{"a":3,"\uff61":1,"😀":2}'],
  ['__proto__ is an ordinary key', '{"__proto__":{"x":1}}', '{"__proto__":{"x":1}}'],
];

describe('goMarshal', () => {
  it.each(cases)('%s', (_, input, expected) => {
    expect(goMarshal(JSON.parse(input))).toBe(expected);
  });

  it('marshals undefined (data absent from the body) as null', () => {
    expect(goMarshal(undefined)).toBe('null');
  });

  it('writes UTF-8 bytes', () => {
    expect(goMarshalBytes('é')).toEqual(Buffer.from([0x22, 0xc3, 0xa9, 0x22]));
  });

  it('re-encodes the conformance suite CloudEvent array canonically', () => {
    const input =
      '[{"eventType":"test","eventTime": "2018-01-25T22:12:19.4556811Z","subject":"dapr-conf-tests","id":"A234-1234-1234","data":"root/>"}]';
    expect(goMarshal(JSON.parse(input))).toBe(
      '[{"data":"root/\\u003e","eventTime":"2018-01-25T22:12:19.4556811Z","eventType":"test","id":"A234-1234-1234","subject":"dapr-conf-tests"}]',
    );
  });
});
