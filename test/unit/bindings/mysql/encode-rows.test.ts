import {
  encodeRows,
  encodeValue,
  ScanError,
  T,
  type ColumnInfo,
  type EncodeOptions,
} from '../../../../src/bindings/mysql/encode-rows';

const NOT_NULL = 1;
const UNSIGNED = 32;
const BINARY = 63;
const UTF8 = 45;

const text: EncodeOptions = { protocol: 'text', loc: 'UTC', columnsWithAlias: false };
const binary: EncodeOptions = { ...text, protocol: 'binary' };

function column(columnType: number, flags = 0, characterSet = UTF8, name = 'c', decimals = 0): ColumnInfo {
  return { name, table: 't', columnType, flags, characterSet, decimals };
}

describe('encodeValue (go-sql-driver ScanType, then json.Marshal)', () => {
  it.each<[string, ColumnInfo, unknown, string | undefined]>([
    ['nullable INT, NULL: key left out', column(T.LONG), null, undefined],
    ['INT', column(T.LONG, NOT_NULL), -7, '-7'],
    ['BIGINT as digits', column(T.LONGLONG, NOT_NULL), '-9223372036854775808', '-9223372036854775808'],
    [
      'UNSIGNED BIGINT NOT NULL above int64',
      column(T.LONGLONG, NOT_NULL | UNSIGNED),
      '18446744073709551615',
      '18446744073709551615',
    ],
    ['FLOAT as float32', column(T.FLOAT), 1.100000023841858, '1.1'],
    ['DOUBLE', column(T.DOUBLE), 0.30000000000000004, '0.30000000000000004'],
    ['DECIMAL as string', column(T.NEWDECIMAL, 0, BINARY), '1.50', '"1.50"'],
    ['VARCHAR, Go HTML escaping', column(T.VAR_STRING), '<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['nullable VARCHAR, NULL: left out', column(T.VAR_STRING), null, undefined],
    ['VARBINARY as base64', column(T.VAR_STRING, 0, BINARY), Buffer.from('abc'), '"YWJj"'],
    ['VARBINARY NULL: null kept', column(T.VAR_STRING, 0, BINARY), null, 'null'],
    ['BLOB NOT NULL, NULL: null kept', column(T.BLOB, NOT_NULL, BINARY), null, 'null'],
    ['TEXT', column(T.BLOB), 'x', '"x"'],
    ['BIT as base64', column(T.BIT, 0, BINARY), Buffer.from([5]), '"BQ=="'],
    ['MySQL JSON as base64 (sql.RawBytes)', column(T.JSON, 0, BINARY), '{"a":1}', '"eyJhIjoxfQ=="'],
    ['MySQL JSON NULL: null kept', column(T.JSON, 0, BINARY), null, 'null'],
    ['NULL type: null kept', column(T.NULL, 0, BINARY), null, 'null'],
    ['DATETIME', column(T.DATETIME, 0, BINARY), '2024-01-02 03:04:05', '"2024-01-02T03:04:05Z"'],
    ['DATETIME NOT NULL, NULL: left out (NullTime)', column(T.DATETIME, NOT_NULL, BINARY), null, undefined],
    ['GEOMETRY as base64', column(T.GEOMETRY, 0, BINARY), Buffer.from([0, 1]), '"AAE="'],
  ])('%s', (_, info, value, json) => {
    expect(encodeValue(info, value, text)).toBe(json);
  });

  it('pads a binary-protocol TIME to the column decimals, and keeps the text protocol one', () => {
    expect(encodeValue(column(T.TIME, 0, BINARY, 'c', 3), '01:02:03.5', binary)).toBe('"01:02:03.500"');
    expect(encodeValue(column(T.TIME, 0, BINARY, 'c', 3), '01:02:03.500', text)).toBe('"01:02:03.500"');
  });

  it.each<[ColumnInfo, string]>([
    [column(T.LONG, NOT_NULL), 'converting NULL to int32 is unsupported'],
    [column(T.TINY, NOT_NULL | UNSIGNED), 'converting NULL to uint8 is unsupported'],
    [column(T.FLOAT, NOT_NULL), 'converting NULL to float32 is unsupported'],
    [column(T.VAR_STRING, NOT_NULL), 'converting NULL to string is unsupported'],
  ])('refuses NULL in a NOT NULL column as database/sql does', (info, message) => {
    expect(() => encodeValue(info, null, text)).toThrow(new ScanError(message));
  });
});

describe('encodeRows', () => {
  it('answers null without rows (a nil slice)', () => {
    expect(encodeRows([column(T.LONG)], [], text).toString()).toBe('null');
  });

  it('sorts keys in UTF-8 byte order and lets a later column replace an earlier one unless it is nil', () => {
    const columns = [
      column(T.LONG, NOT_NULL, UTF8, 'b'),
      column(T.LONG, NOT_NULL, UTF8, 'B'),
      column(T.LONG, NOT_NULL, UTF8, 'é'),
      column(T.LONG, NOT_NULL, UTF8, 'a'),
      column(T.LONG, 0, UTF8, 'a'),
    ];
    expect(encodeRows(columns, [[1, 2, 3, 4, null]], text).toString()).toBe('[{"B":2,"a":4,"b":1,"é":3}]');
    expect(encodeRows(columns, [[1, 2, 3, 4, 5]], text).toString()).toBe('[{"B":2,"a":5,"b":1,"é":3}]');
  });

  it('names keys table.column with columnsWithAlias', () => {
    expect(encodeRows([column(T.LONG, NOT_NULL)], [[1]], { ...text, columnsWithAlias: true }).toString()).toBe(
      '[{"t.c":1}]',
    );
  });

  it("wraps a scan failure in database/sql's words", () => {
    const columns = [column(T.LONG), column(T.LONGLONG, UNSIGNED, BINARY, 'big')];
    expect(() => encodeRows(columns, [[1, '18446744073709551615']], binary)).toThrow(
      new ScanError(
        'sql: Scan error on column index 1, name "big": converting driver.Value type []uint8 ("18446744073709551615") to a int64: value out of range',
      ),
    );
  });
});
