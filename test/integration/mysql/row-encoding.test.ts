import type mysql from 'mysql2/promise';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mysqlComponent, mysqlDsn, rawConnection, uniqueTable } from './mysql-support';

jest.setTimeout(60_000);

/**
 * One column per row of the table: its DDL, the SQL literal stored in row 1, and the JSON daprd
 * writes for it (go-sql-driver v1.8.1 ScanType, parseTime forced on, loc UTC, `json.Marshal`).
 * Row 2 stores NULL in every nullable column (or the literal again in a NOT NULL one).
 */
const COLUMNS: Array<{ name: string; ddl: string; value: string; json: string; nullJson?: string }> = [
  { name: 'ti', ddl: 'TINYINT', value: '-5', json: '-5' },
  { name: 'tiu', ddl: 'TINYINT UNSIGNED NOT NULL', value: '250', json: '250' },
  { name: 'si', ddl: 'SMALLINT', value: '-300', json: '-300' },
  { name: 'mi', ddl: 'MEDIUMINT UNSIGNED', value: '16777215', json: '16777215' },
  { name: 'ii', ddl: 'INT NOT NULL', value: '-2147483648', json: '-2147483648' },
  { name: 'bi', ddl: 'BIGINT NOT NULL', value: '9223372036854775807', json: '9223372036854775807' },
  { name: 'bin', ddl: 'BIGINT', value: '-9223372036854775808', json: '-9223372036854775808' },
  { name: 'bu', ddl: 'BIGINT UNSIGNED NOT NULL', value: '18446744073709551615', json: '18446744073709551615' },
  { name: 'yr', ddl: 'YEAR', value: '2024', json: '2024' },
  { name: 'fl', ddl: 'FLOAT', value: '1.1', json: '1.1' },
  { name: 'fln', ddl: 'FLOAT NOT NULL', value: '3.4e38', json: '3.4e+38' },
  { name: 'fls', ddl: 'FLOAT', value: '0.0000001', json: '1e-7' },
  { name: 'db', ddl: 'DOUBLE', value: '0.1', json: '0.1' },
  { name: 'dbn', ddl: 'DOUBLE NOT NULL', value: '-1.5e300', json: '-1.5e+300' },
  { name: 'dc', ddl: 'DECIMAL(10,3)', value: '12.5', json: '"12.500"' },
  { name: 'vc', ddl: 'VARCHAR(20)', value: "'hé <&>'", json: '"hé \\u003c\\u0026\\u003e"' },
  { name: 'ch', ddl: 'CHAR(3) NOT NULL', value: "'ab'", json: '"ab"' },
  { name: 'tx', ddl: 'TEXT', value: "'line\\nnext'", json: '"line\\nnext"' },
  { name: 'js', ddl: 'JSON', value: '\'{"a": [1, "x"]}\'', json: '"{\\"a\\": [1, \\"x\\"]}"' },
  { name: 'bl', ddl: 'BLOB', value: "x'00FF10'", json: '"AP8Q"', nullJson: 'null' },
  { name: 'vb', ddl: 'VARBINARY(8)', value: "'abc'", json: '"YWJj"', nullJson: 'null' },
  { name: 'bn', ddl: 'BINARY(3)', value: "x'01'", json: '"AQAA"', nullJson: 'null' },
  { name: 'bt', ddl: 'BIT(8)', value: "b'101'", json: '"BQ=="', nullJson: 'null' },
  { name: 'en', ddl: "ENUM('a','b')", value: "'b'", json: '"b"' },
  { name: 'st', ddl: "SET('x','y')", value: "'x,y'", json: '"x,y"' },
  { name: 'dt', ddl: 'DATE', value: "'2024-02-29'", json: '"2024-02-29T00:00:00Z"' },
  { name: 'dtm', ddl: 'DATETIME(6)', value: "'2024-01-02 03:04:05.123450'", json: '"2024-01-02T03:04:05.12345Z"' },
  { name: 'dts', ddl: 'DATETIME', value: "'1999-12-31 23:59:59'", json: '"1999-12-31T23:59:59Z"' },
  { name: 'dz', ddl: 'DATETIME', value: "'0000-00-00 00:00:00'", json: '"0001-01-01T00:00:00Z"' },
  { name: 'ts', ddl: 'TIMESTAMP NULL', value: "'2024-06-01 12:00:00'", json: '"2024-06-01T12:00:00Z"' },
  { name: 'tm', ddl: 'TIME(3)', value: "'123:04:05.5'", json: '"123:04:05.500"' },
  { name: 'tm0', ddl: 'TIME', value: "'-01:02:03'", json: '"-01:02:03"' },
];

function expectedRow(id: number, nulls: boolean): string {
  const entries: Array<[string, string]> = [['id', String(id)]];
  for (const column of COLUMNS) {
    const notNull = column.ddl.includes('NOT NULL');
    if (!nulls || notNull) entries.push([column.name, column.json]);
    else if (column.nullJson !== undefined) entries.push([column.name, column.nullJson]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `"${key}":${value}`).join(',')}}`;
}

describe('mysql binding query encoding (daprd parity per column type)', () => {
  let runtime: BindingsRuntime;
  let raw: mysql.Connection;
  const table = uniqueTable('types');

  beforeAll(async () => {
    runtime = realRuntime([
      mysqlComponent('db'),
      mysqlComponent('paris', {}, `${mysqlDsn()}?loc=Europe%2FParis&parseTime=false`),
      mysqlComponent('alias', {}, `${mysqlDsn()}?columnsWithAlias=true`),
    ]);
    raw = await rawConnection();
    await raw.query("SET time_zone = '+00:00'");
    await raw.query(
      `CREATE TABLE ${table} (id INT NOT NULL PRIMARY KEY, ${COLUMNS.map((c) => `${c.name} ${c.ddl}`).join(', ')})`,
    );
    const names = COLUMNS.map((c) => c.name).join(', ');
    await raw.query(`INSERT INTO ${table} (id, ${names}) VALUES (1, ${COLUMNS.map((c) => c.value).join(', ')})`);
    const second = COLUMNS.map((c) => (c.ddl.includes('NOT NULL') ? c.value : 'NULL')).join(', ');
    await raw.query(`INSERT INTO ${table} (id, ${names}) VALUES (2, ${second})`);
  });

  afterAll(async () => {
    await raw.query(`DROP TABLE IF EXISTS ${table}`);
    await raw.end();
    await runtime.close();
  });

  const query = (sql: string, params?: unknown[], name = 'db') =>
    post(runtime, name, {
      operation: 'query',
      metadata: params === undefined ? { sql } : { sql, params: JSON.stringify(params) },
    });

  // The server's session time zone must be UTC for TIMESTAMP to read back as stored.
  const utc = "SET time_zone = '+00:00'";

  it.each(['text protocol (no params)', 'binary protocol (params)'])('encodes every column type: %s', async (mode) => {
    expect((await post(runtime, 'db', { operation: 'exec', metadata: { sql: utc } })).status).toBe(200);
    const response = mode.startsWith('text')
      ? await query(`SELECT * FROM ${table} ORDER BY id`)
      : await query(`SELECT * FROM ${table} WHERE id >= ? ORDER BY id`, [1]);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(`[${expectedRow(1, false)},${expectedRow(2, true)}]`);
  });

  it.each([
    ['SELECT NULL AS a', '[{"a":null}]'],
    ['SELECT 1 AS b', '[{"b":1}]'],
    ['SELECT 1.5 AS c', '[{"c":"1.5"}]'],
    ["SELECT 'x' AS d", '[{"d":"x"}]'],
    ['SELECT 1e0 AS g', '[{"g":1}]'],
    ["SELECT x'00ff' AS h", '[{"h":"AP8="}]'],
    ["SELECT CAST('2020-01-01' AS DATE) AS d", '[{"d":"2020-01-01T00:00:00Z"}]'],
    ['SELECT 1 AS a, CAST(NULL AS SIGNED) AS a', '[{"a":1}]'],
    ['SELECT 1 AS a, NULL AS a', '[{"a":null}]'],
    ['SELECT 2 AS z, 1 AS a, 3 AS `é`, 4 AS `Z`', '[{"Z":4,"a":1,"z":2,"é":3}]'],
  ])('encodes the expression columns of %s', async (sql, json) => {
    expect((await query(sql)).body.toString()).toBe(json);
  });

  it('reads dates in the DSN loc zone (parseTime is always on, as daprd forces it)', async () => {
    const response = await query(`SELECT dt, dtm FROM ${table} WHERE id = 1`, undefined, 'paris');
    expect(response.body.toString()).toBe(
      '[{"dt":"2024-02-29T00:00:00+01:00","dtm":"2024-01-02T03:04:05.12345+01:00"}]',
    );
  });

  it('names columns table.column with columnsWithAlias', async () => {
    const response = await query(`SELECT t.id, t.vc FROM ${table} t WHERE t.id = ?`, [1], 'alias');
    expect(response.body.toString()).toBe('[{"t.id":1,"t.vc":"hé \\u003c\\u0026\\u003e"}]');
  });

  it('fails as daprd does on an unsigned BIGINT above int64 in a nullable column', async () => {
    const response = await query('SELECT CAST(? AS UNSIGNED) AS u', ['18446744073709551615']);
    const text = await query(`SELECT IF(id = 1, bu, NULL) AS u FROM ${table} WHERE id = 1`);
    for (const answer of [response, text]) {
      if (answer.status === 200) {
        // A NOT NULL expression scans into uint64: the exact value.
        expect(answer.body.toString()).toBe('[{"u":18446744073709551615}]');
      } else {
        expect(errorOf(answer).message).toMatch(
          /^error invoking output binding db: error marshalling query result for query: sql: Scan error on column index 0, name "u": converting driver\.Value type (uint64|\[\]uint8) \("18446744073709551615"\) to a int64: value out of range$/,
        );
      }
    }
    expect(errorOf(text).message).toContain('converting driver.Value type uint64');
  });
});
