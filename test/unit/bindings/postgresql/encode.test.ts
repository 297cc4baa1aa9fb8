import { encodeRows, encodeValue, GoMarshalError } from '../../../../src/bindings/postgresql/encode';

/**
 * PostgreSQL text output → the JSON daprd writes: Go's `json.Marshal` of pgx v5.7.4's `rows.Values()`
 * (binary format). Each row names the pgx decoding and Go encoding that give the expected text.
 */
const CASES: Array<[oid: number, type: string, text: string | null, json: string]> = [
  [23, 'int4 → int32', '-42', '-42'],
  [20, 'int8 → int64, no float rounding', '9223372036854775807', '9223372036854775807'],
  [21, 'int2 → int16', '7', '7'],
  [26, 'oid → uint32', '4294967295', '4294967295'],
  [5069, 'xid8 → uint64', '18446744073709551615', '18446744073709551615'],
  [701, 'float8 → float64, shortest', '0.1', '0.1'],
  [701, 'float8 ≥ 1e21 → exponent', '1e+21', '1e+21'],
  [701, 'float8 < 1e-6 → exponent without padding', '1e-07', '1e-7'],
  [701, 'float8 negative zero', '-0', '-0'],
  [700, 'float4 → float32, shortest', '1.1', '1.1'],
  [700, 'float4 large', '3.4e+38', '3.4e+38'],
  [1700, 'numeric → pgtype.Numeric, scale kept', '1.50', '1.50'],
  [1700, 'numeric zero loses its scale (binary form has no digits)', '0.00', '0'],
  [1700, 'numeric negative', '-12.340', '-12.340'],
  [1700, 'numeric NaN', 'NaN', '"NaN"'],
  [1700, 'numeric huge', '123456789012345678901234567890', '123456789012345678901234567890'],
  [16, 'bool true', 't', 'true'],
  [16, 'bool false', 'f', 'false'],
  [25, 'text → string, HTML-escaped', 'a<b>&c "q" \\ \u2028', '"a\\u003cb\\u003e\\u0026c \\"q\\" \\\\ \\u2028"'],
  [25, 'text control characters', 'a\nb\tc\u0001', '"a\\nb\\tc\\u0001"'],
  [1043, 'varchar', 'é😀', '"é😀"'],
  [1042, 'bpchar keeps its padding', 'ab   ', '"ab   "'],
  [19, 'name', 'n', '"n"'],
  [18, '"char" → rune', 'x', '120'],
  [18, '"char" high byte (octal escape)', '\\351', '233'],
  [17, 'bytea → []byte → base64', '\\x0102ff', '"AQL/"'],
  [17, 'bytea empty', '\\x', '""'],
  [1114, 'timestamp → time.Time UTC', '2024-01-02 03:04:05.123456', '"2024-01-02T03:04:05.123456Z"'],
  [1114, 'timestamp whole seconds', '2024-01-02 03:04:05', '"2024-01-02T03:04:05Z"'],
  [1114, 'timestamp infinity → InfinityModifier', 'infinity', '1'],
  [1114, 'timestamp -infinity', '-infinity', '-1'],
  [1184, 'timestamptz → UTC', '2024-01-02 03:04:05.5+02', '"2024-01-02T01:04:05.5Z"'],
  [1184, 'timestamptz odd offset', '2024-01-01 00:00:00+05:30', '"2023-12-31T18:30:00Z"'],
  [1184, 'timestamptz LMT offset with seconds', '1900-01-01 00:00:00-00:01:15', '"1900-01-01T00:01:15Z"'],
  [1082, 'date → midnight UTC', '2024-02-29', '"2024-02-29T00:00:00Z"'],
  [1082, 'date 1 BC is year 0', '0001-01-01 BC', '"0000-01-01T00:00:00Z"'],
  [1082, 'date year 1', '0001-01-01', '"0001-01-01T00:00:00Z"'],
  [1083, 'time → pgtype.Time (no JSON method)', '12:34:56.5', '{"Microseconds":45296500000,"Valid":true}'],
  [1083, 'time 24:00', '24:00:00', '{"Microseconds":86400000000,"Valid":true}'],
  [
    1186,
    'interval → pgtype.Interval',
    '1 year 2 mons 3 days 04:05:06.5',
    '{"Microseconds":14706500000,"Days":3,"Months":14,"Valid":true}',
  ],
  [
    1186,
    'interval signs',
    '-1 years +2 mons -3 days -00:00:01',
    '{"Microseconds":-1000000,"Days":-3,"Months":-10,"Valid":true}',
  ],
  [1186, 'interval zero', '00:00:00', '{"Microseconds":0,"Days":0,"Months":0,"Valid":true}'],
  [1186, 'interval long hours', '100:00:00', '{"Microseconds":360000000000,"Days":0,"Months":0,"Valid":true}'],
  [114, 'json → any → sorted keys, float64', '{"b":1.0,"a":[1e2,"<"]}', '{"a":[100,"\\u003c"],"b":1}'],
  [3802, 'jsonb', '{"a": 12345678901234567890}', '{"a":12345678901234567000}'],
  [3802, 'jsonb scalar', '"x"', '"x"'],
  [
    2950,
    'uuid → [16]byte → array of numbers',
    '00010203-0405-0607-0809-0a0b0c0d0eff',
    '[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,255]',
  ],
  [869, 'inet host → netip.Prefix text', '192.168.0.1', '"192.168.0.1/32"'],
  [869, 'inet with mask', '192.168.0.1/24', '"192.168.0.1/24"'],
  [869, 'inet v6', '::1', '"::1/128"'],
  [650, 'cidr', '10.0.0.0/8', '"10.0.0.0/8"'],
  [829, 'macaddr → net.HardwareAddr → base64', '08:00:2b:01:02:03', '"CAArAQID"'],
  [1007, 'int4[] flat', '{1,NULL,3}', '[1,null,3]'],
  [1009, 'text[] 2-D → flattened []any', '{{a,"b c"},{"d\\"e",NULL}}', '["a","b c","d\\"e",null]'],
  [1009, 'text[] quoted NULL is a string', '{"NULL"}', '["NULL"]'],
  [1007, 'int4[] empty', '{}', '[]'],
  [1007, 'int4[] with bounds', '[0:1]={5,6}', '[5,6]'],
  [1231, 'numeric[]', '{1.50,0.00}', '[1.50,0]'],
  [2951, 'uuid[]', '{00000000-0000-0000-0000-000000000001}', '[[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]]'],
  [1115, 'timestamp[]', '{"2024-01-02 03:04:05"}', '["2024-01-02T03:04:05Z"]'],
  [3807, 'jsonb[]', '{"{\\"b\\": 1, \\"a\\": 2}"}', '[{"a":2,"b":1}]'],
  [790, 'money (unregistered in pgx) → text', '$1.50', '"$1.50"'],
  [12345, 'enum or other unknown type → text', 'happy', '"happy"'],
  [23, 'NULL', null, 'null'],
  [600, 'point → pgtype.Point JSON method, %g', '(1,2.5)', '"(1,2.5)"'],
  [600, 'point %g exponents', '(1000000,1e-05)', '"(1e+06,1e-05)"'],
  [600, 'point %g of small and negative', '(0.0001,-123456)', '"(0.0001,-123456)"'],
  [600, 'point NaN', '(NaN,-Infinity)', '"(NaN,-Inf)"'],
  [628, 'line → struct fields', '{1,-1,0.5}', '{"A":1,"B":-1,"C":0.5,"Valid":true}'],
  [601, 'lseg', '[(0,0),(1,1.5)]', '{"P":[{"X":0,"Y":0},{"X":1,"Y":1.5}],"Valid":true}'],
  [603, 'box', '(1,1),(0,0)', '{"P":[{"X":1,"Y":1},{"X":0,"Y":0}],"Valid":true}'],
  [602, 'path closed', '((0,0),(1e+21,1))', '{"P":[{"X":0,"Y":0},{"X":1e+21,"Y":1}],"Closed":true,"Valid":true}'],
  [602, 'path open', '[(0,0),(1,1)]', '{"P":[{"X":0,"Y":0},{"X":1,"Y":1}],"Closed":false,"Valid":true}'],
  [604, 'polygon', '((0,0),(1,0))', '{"P":[{"X":0,"Y":0},{"X":1,"Y":0}],"Valid":true}'],
  [718, 'circle', '<(1,2),3>', '{"P":{"X":1,"Y":2},"R":3,"Valid":true}'],
  [1560, 'bit → pgtype.Bits', '1010', '{"Bytes":"oA==","Len":4,"Valid":true}'],
  [1562, 'varbit 9 bits', '101010101', '{"Bytes":"qoA=","Len":9,"Valid":true}'],
  [1562, 'varbit empty', '', '{"Bytes":"","Len":0,"Valid":true}'],
  [27, 'tid → pgtype.TID', '(12,7)', '{"BlockNumber":12,"OffsetNumber":7,"Valid":true}'],
  [
    3904,
    'int4range → Range[any], bound types as bytes',
    '[1,5)',
    '{"Lower":1,"Upper":5,"LowerType":105,"UpperType":101,"Valid":true}',
  ],
  [3904, 'int4range unbounded', '(,6)', '{"Lower":null,"Upper":6,"LowerType":85,"UpperType":101,"Valid":true}'],
  [3904, 'int4range empty', 'empty', '{"Lower":null,"Upper":null,"LowerType":69,"UpperType":69,"Valid":true}'],
  [3906, 'numrange inclusive', '[1.5,2.50]', '{"Lower":1.5,"Upper":2.50,"LowerType":105,"UpperType":105,"Valid":true}'],
  [
    3908,
    'tsrange with quoted bounds',
    '["2024-01-01 00:00:00","2024-01-02 00:00:00")',
    '{"Lower":"2024-01-01T00:00:00Z","Upper":"2024-01-02T00:00:00Z","LowerType":105,"UpperType":101,"Valid":true}',
  ],
  [
    3908,
    'tsrange to infinity',
    '["2024-01-01 00:00:00",infinity)',
    '{"Lower":"2024-01-01T00:00:00Z","Upper":1,"LowerType":105,"UpperType":101,"Valid":true}',
  ],
  [
    4451,
    'int4multirange → slice of ranges',
    '{[1,3),[5,7)}',
    '[{"Lower":1,"Upper":3,"LowerType":105,"UpperType":101,"Valid":true},{"Lower":5,"Upper":7,"LowerType":105,"UpperType":101,"Valid":true}]',
  ],
  [4451, 'int4multirange empty', '{}', '[]'],
  [
    3905,
    'int4range[]',
    '{"[1,2)",empty}',
    '[{"Lower":1,"Upper":2,"LowerType":105,"UpperType":101,"Valid":true},{"Lower":null,"Upper":null,"LowerType":69,"UpperType":69,"Valid":true}]',
  ],
  [1017, 'point[]', '{"(1,2)",NULL}', '["(1,2)",null]'],
];

describe('postgresql value encoding (daprd: pgx rows.Values + encoding/json)', () => {
  it.each(CASES.map(([oid, type, text, json]) => ({ oid, type, text, json })))(
    '$type: $text → $json',
    ({ oid, text, json }) => {
      expect(encodeValue(oid, text)).toBe(json);
    },
  );

  it.each<[number, string, string]>([
    [701, 'NaN', 'json: unsupported value: NaN'],
    [701, 'Infinity', 'json: unsupported value: +Inf'],
    [700, '-Infinity', 'json: unsupported value: -Inf'],
    [
      1700,
      'Infinity',
      "json: error calling MarshalJSON for type pgtype.Numeric: invalid character '<' looking for beginning of value",
    ],
    [
      1082,
      '10000-01-01',
      'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]',
    ],
    [
      1082,
      '0002-01-01 BC',
      'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]',
    ],
    // daprd fails this one while decoding the row (`1e400` in its message); the refusal is the same
    [114, '[1e400]', 'json: cannot unmarshal number Infinity into Go value of type float64'],
    [628, '{NaN,1,2}', 'json: unsupported value: NaN'],
  ])("fails oid %d value %s with Go's marshal error", (oid, text, message) => {
    const call = () => encodeValue(oid, text);
    expect(call).toThrow(GoMarshalError);
    expect(call).toThrow(message);
  });

  it('encodes rows as arrays of column values, in order', () => {
    expect(
      encodeRows(
        [23, 25],
        [
          ['1', 'a'],
          ['2', null],
        ],
      ),
    ).toBe('[[1,"a"],[2,null]]');
    expect(encodeRows([23], [])).toBe('[]');
  });
});
