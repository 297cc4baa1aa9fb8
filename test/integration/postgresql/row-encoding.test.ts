import type pg from 'pg';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { postgresComponent, rawClient, uniqueTable } from './postgres-support';

jest.setTimeout(60_000);

/**
 * Each column type, a value, and the JSON daprd answers for it: Go's `json.Marshal` of what pgx v5
 * `rows.Values()` decodes (pgtype codecs, binary format), worked out from the pgx v5.7.4 source.
 */
const COLUMNS: Array<[type: string, literal: string, json: string]> = [
  ['smallint', '-7', '-7'],
  ['integer', '2147483647', '2147483647'],
  ['bigint', '9223372036854775807', '9223372036854775807'],
  ['numeric(12,3)', '1234.500', '1234.500'],
  ['numeric(6,2)', '0', '0'],
  ['numeric', "'NaN'", '"NaN"'],
  [
    'numeric',
    '123456789012345678901234567890.000000000000000000001',
    '123456789012345678901234567890.000000000000000000001',
  ],
  ['real', '1.1', '1.1'],
  ['real', '3.4e38', '3.4e+38'],
  ['double precision', '0.1', '0.1'],
  ['double precision', '1e21', '1e+21'],
  ['double precision', '1e-7', '1e-7'],
  ['text', `'a <b> & "c" \u2028 é'`, '"a \\u003cb\\u003e \\u0026 \\"c\\" \\u2028 é"'],
  ['varchar(10)', "'short'", '"short"'],
  ['char(5)', "'ab'", '"ab   "'],
  ['"char"', "'x'", '120'],
  ['name', "'pg_name'", '"pg_name"'],
  ['boolean', 'true', 'true'],
  ['boolean', 'false', 'false'],
  ['integer', 'NULL', 'null'],
  ['timestamp', "'2024-01-02 03:04:05.123456'", '"2024-01-02T03:04:05.123456Z"'],
  ['timestamp', "'2024-01-02 03:04:05'", '"2024-01-02T03:04:05Z"'],
  ['timestamp', "'infinity'", '1'],
  ['timestamptz', "'2024-01-02 03:04:05.5+02'", '"2024-01-02T01:04:05.5Z"'],
  ['timestamptz', "'-infinity'", '-1'],
  ['date', "'2024-02-29'", '"2024-02-29T00:00:00Z"'],
  ['date', "'0001-01-01 BC'", '"0000-01-01T00:00:00Z"'],
  ['time', "'12:34:56.5'", '{"Microseconds":45296500000,"Valid":true}'],
  ['interval', "'1 year 2 mons 3 days 04:05:06.5'", '{"Microseconds":14706500000,"Days":3,"Months":14,"Valid":true}'],
  ['interval', "'-1 days +02:00:00'", '{"Microseconds":7200000000,"Days":-1,"Months":0,"Valid":true}'],
  ['bytea', "'\\x0102ff'", '"AQL/"'],
  ['json', `'{"b":1,"a":[1.0,"<"],"c":12345678901234567890}'`, '{"a":[1,"\\u003c"],"b":1,"c":12345678901234567000}'],
  ['jsonb', `'{"z":null,"a":{"y":true,"x":"&"}}'`, '{"a":{"x":"\\u0026","y":true},"z":null}'],
  ['uuid', "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", '[160,238,188,153,156,11,78,248,187,109,107,185,189,56,10,17]'],
  ['inet', "'192.168.0.1'", '"192.168.0.1/32"'],
  ['inet', "'::1'", '"::1/128"'],
  ['cidr', "'10.0.0.0/8'", '"10.0.0.0/8"'],
  ['macaddr', "'08:00:2b:01:02:03'", '"CAArAQID"'],
  ['oid', '4294967295', '4294967295'],
  ['integer[]', "'{1,NULL,3}'", '[1,null,3]'],
  ['text[]', `'{{a,"b c"},{"d\\"e",NULL}}'`, '["a","b c","d\\"e",null]'],
  ['integer[]', "'{}'", '[]'],
  ['numeric[]', "'{1.50,0.00}'", '[1.50,0]'],
  [
    'uuid[]',
    "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'",
    '[[160,238,188,153,156,11,78,248,187,109,107,185,189,56,10,17]]',
  ],
  ['timestamp[]', `'{"2024-01-02 03:04:05"}'`, '["2024-01-02T03:04:05Z"]'],
  ['money', "'1.50'", '"$1.50"'],
  ['point', "'(1,2.5)'", '"(1,2.5)"'],
  ['point', "'(1000000,0.00001)'", '"(1e+06,1e-05)"'],
  ['line', "'{1,-1,0}'", '{"A":1,"B":-1,"C":0,"Valid":true}'],
  ['lseg', "'[(0,0),(1,1.5)]'", '{"P":[{"X":0,"Y":0},{"X":1,"Y":1.5}],"Valid":true}'],
  ['box', "'(0,0),(1,1)'", '{"P":[{"X":1,"Y":1},{"X":0,"Y":0}],"Valid":true}'],
  ['path', "'((0,0),(1,1))'", '{"P":[{"X":0,"Y":0},{"X":1,"Y":1}],"Closed":true,"Valid":true}'],
  ['path', "'[(0,0),(1,1)]'", '{"P":[{"X":0,"Y":0},{"X":1,"Y":1}],"Closed":false,"Valid":true}'],
  ['polygon', "'((0,0),(1,0),(1,1))'", '{"P":[{"X":0,"Y":0},{"X":1,"Y":0},{"X":1,"Y":1}],"Valid":true}'],
  ['circle', "'<(1,2),3>'", '{"P":{"X":1,"Y":2},"R":3,"Valid":true}'],
  ['bit(4)', "B'1010'", '{"Bytes":"oA==","Len":4,"Valid":true}'],
  ['varbit', "B'101010101'", '{"Bytes":"qoA=","Len":9,"Valid":true}'],
  ['int4range', "'[1,5)'", '{"Lower":1,"Upper":5,"LowerType":105,"UpperType":101,"Valid":true}'],
  ['int4range', "'(,5]'", '{"Lower":null,"Upper":6,"LowerType":85,"UpperType":101,"Valid":true}'],
  ['int4range', "'empty'", '{"Lower":null,"Upper":null,"LowerType":69,"UpperType":69,"Valid":true}'],
  ['numrange', "'[1.5,2.50]'", '{"Lower":1.5,"Upper":2.50,"LowerType":105,"UpperType":105,"Valid":true}'],
  [
    'tsrange',
    "'[2024-01-01 00:00:00,2024-01-02 00:00:00)'",
    '{"Lower":"2024-01-01T00:00:00Z","Upper":"2024-01-02T00:00:00Z","LowerType":105,"UpperType":101,"Valid":true}',
  ],
  [
    'int4multirange',
    "'{[1,3),[5,7)}'",
    '[{"Lower":1,"Upper":3,"LowerType":105,"UpperType":101,"Valid":true},{"Lower":5,"Upper":7,"LowerType":105,"UpperType":101,"Valid":true}]',
  ],
  ['int4multirange', "'{}'", '[]'],
  ['point[]', `'{"(1,2)",NULL}'`, '["(1,2)",null]'],
];

describe('postgresql query rows, encoded as daprd (pgx + encoding/json) encodes them', () => {
  let runtime: BindingsRuntime;
  let raw: pg.Client;
  const table = uniqueTable('types');

  beforeAll(async () => {
    runtime = realRuntime([postgresComponent('db')]);
    raw = await rawClient();
    const columns = COLUMNS.map(([type], i) => `c${i} ${type}`).join(', ');
    await raw.query(`CREATE TABLE ${table} (${columns})`);
    await raw.query(
      `INSERT INTO ${table} VALUES (${COLUMNS.map(([type, literal]) => `${literal}::${type}`).join(', ')})`,
    );
  });

  afterAll(async () => {
    await raw.query(`DROP TABLE IF EXISTS ${table}`);
    await raw.end();
    await runtime.close();
  });

  it.each(COLUMNS.map(([type, literal, json], i) => ({ i, type, literal, json })))(
    'encodes $type $literal as $json',
    async ({ i, json }) => {
      const response = await post(runtime, 'db', {
        operation: 'query',
        metadata: { sql: `SELECT c${i} FROM ${table}` },
      });
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(`[[${json}]]`);
    },
  );

  it('encodes a whole row as one array, in column order', async () => {
    const response = await post(runtime, 'db', { operation: 'query', metadata: { sql: `SELECT * FROM ${table}` } });
    expect(response.body.toString()).toBe(`[[${COLUMNS.map(([, , json]) => json).join(',')}]]`);
  });

  it.each([
    ["SELECT 'NaN'::float8", 'json: unsupported value: NaN'],
    ["SELECT '-Infinity'::float4", 'json: unsupported value: -Inf'],
    [
      "SELECT '10000-01-01'::date",
      'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]',
    ],
  ])("fails %s with Go's marshal error", async (sql, detail) => {
    const response = await post(runtime, 'db', { operation: 'query', metadata: { sql } });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(`error invoking output binding db: error serializing results: ${detail}`);
  });

  it('binds params of several JSON types', async () => {
    const response = await post(runtime, 'db', {
      operation: 'query',
      metadata: {
        sql: 'SELECT $1::int, $2::text, $3::bool, $4::float8, $5::jsonb, $6::int[], $7::text IS NULL',
        params: JSON.stringify([5, 'five', true, 2.5, { b: 1, a: '<' }, [1, 2], null]),
      },
    });
    expect(response.body.toString()).toBe('[[5,"five",true,2.5,{"a":"\\u003c","b":1},[1,2],true]]');
  });
});
