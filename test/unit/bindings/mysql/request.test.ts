import { MysqlRequestError, readParams, readSql, unsupportedParam } from '../../../../src/bindings/mysql/request';

describe('readSql', () => {
  it('returns the sql metadata', () => {
    expect(readSql({ sql: 'SELECT 1' })).toBe('SELECT 1');
  });

  it.each<Record<string, string>>([{}, { sql: '' }])('refuses %j with daprd message', (metadata) => {
    expect(() => readSql(metadata)).toThrow(new MysqlRequestError('required metadata not set: sql'));
  });
});

describe('readParams (json.Unmarshal into []any)', () => {
  it.each<[string, unknown[]]>([
    ['', []],
    ['[]', []],
    ['null', []],
    [' [1, "a", true, null, 1.5] ', [1, 'a', true, null, 1.5]],
    ['["\'; DROP TABLE x; --"]', ["'; DROP TABLE x; --"]],
  ])('reads %j', (params, values) => {
    expect(readParams({ params })).toEqual(values);
  });

  const prefix = 'invalid metadata property params: failed to unserialize into an array: ';
  it.each<[string, string]>([
    ['{}', 'json: cannot unmarshal object into Go value of type []interface {}'],
    ['"[1]"', 'json: cannot unmarshal string into Go value of type []interface {}'],
    ['12', 'json: cannot unmarshal number into Go value of type []interface {}'],
    ['false', 'json: cannot unmarshal bool into Go value of type []interface {}'],
    [' ', 'unexpected end of JSON input'],
    ['[1,', 'unexpected end of JSON input'],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ["['a']", "invalid character '\\'' looking for beginning of value"],
    ['[1] [2]', "invalid character '[' after top-level value"],
    ['[1e400]', 'json: cannot unmarshal number 1e400 into Go value of type float64'],
  ])('refuses %j', (params, detail) => {
    expect(() => readParams({ params })).toThrow(new MysqlRequestError(prefix + detail));
  });
});

describe('unsupportedParam (database/sql argument conversion)', () => {
  it('accepts scalars', () => {
    expect(unsupportedParam([1, 'a', true, null])).toBeUndefined();
  });

  it('refuses objects and arrays with the argument position', () => {
    expect(unsupportedParam([1, { a: 1 }])).toBe(
      'sql: converting argument $2 type: unsupported type map[string]interface {}, a map',
    );
    expect(unsupportedParam([[1]])).toBe(
      'sql: converting argument $1 type: unsupported type []interface {}, a slice of interface',
    );
  });
});
