import type mysql from 'mysql2/promise';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mysqlComponent, mysqlDsn, rawConnection, uniqueTable } from './mysql-support';

jest.setTimeout(60_000);

const RFC3339_NANO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/;
const GO_DURATION = /^(\d+(\.\d*[1-9])?(ns|µs|ms|s)|(\d+h)?(\d+m)?\d+(\.\d*[1-9])?s)$/;

describe('mysql binding against a real MariaDB', () => {
  let runtime: BindingsRuntime;
  let raw: mysql.Connection;
  const table = uniqueTable('ops');

  beforeAll(async () => {
    runtime = realRuntime([
      mysqlComponent('db'),
      mysqlComponent('found', {}, `${mysqlDsn()}?clientFoundRows=true`),
      mysqlComponent('session', {}, `${mysqlDsn()}?charset=nope,latin1&sql_mode=%27ANSI_QUOTES%27&timeout=2s`),
    ]);
    raw = await rawConnection();
  });

  afterAll(async () => {
    await raw.query(`DROP TABLE IF EXISTS ${table}`);
    await raw.end();
    await runtime.close();
  });

  const call = (operation: string, sql: string, params?: unknown[], name = 'db') =>
    post(runtime, name, {
      operation,
      metadata: params === undefined ? { sql } : { sql, params: JSON.stringify(params) },
    });

  it('creates, inserts and updates with exec: 200, empty body, rows-affected and timing metadata', async () => {
    const createSql = `CREATE TABLE ${table} (id INT PRIMARY KEY, name VARCHAR(255), note TEXT)`;
    const created = await call('exec', createSql);
    expect(created.status).toBe(200);
    expect(created.body.length).toBe(0);
    expect(created.headers['metadata.operation']).toBe('exec');
    expect(created.headers['metadata.sql']).toBe(createSql);
    expect(created.headers['metadata.rows-affected']).toBe('0');
    expect(created.headers['metadata.start-time']).toMatch(RFC3339_NANO_UTC);
    expect(created.headers['metadata.end-time']).toMatch(RFC3339_NANO_UTC);
    expect(created.headers['metadata.duration']).toMatch(GO_DURATION);
    expect(Date.parse(created.headers['metadata.end-time']!)).toBeGreaterThanOrEqual(
      Date.parse(created.headers['metadata.start-time']!),
    );

    const inserted = await call('exec', `INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?), (?, ?)`, [
      1,
      'one',
      2,
      'two',
      3,
      'three',
    ]);
    expect(inserted.status).toBe(200);
    expect(inserted.headers['metadata.rows-affected']).toBe('3');

    const literal = await call('exec', `INSERT INTO ${table} (id, name) VALUES (4, 'four')`);
    expect(literal.headers['metadata.rows-affected']).toBe('1');

    // go-sql-driver counts changed rows (not matched ones) unless the DSN says clientFoundRows=true.
    const unchanged = await call('exec', `UPDATE ${table} SET name = ? WHERE id IN (1, 2)`, ['one']);
    expect(unchanged.headers['metadata.rows-affected']).toBe('1');
    const found = await call('exec', `UPDATE ${table} SET name = ? WHERE id IN (1, 2)`, ['one'], 'found');
    expect(found.headers['metadata.rows-affected']).toBe('2');
  });

  it('answers query with the rows as JSON and the query metadata', async () => {
    const sql = `SELECT id, name, note FROM ${table} WHERE id <= ? ORDER BY id`;
    const response = await call('query', sql, [2]);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body.toString()).toBe('[{"id":1,"name":"one"},{"id":2,"name":"one"}]');
    expect(response.headers['metadata.operation']).toBe('query');
    expect(response.headers['metadata.sql']).toBe(sql);
    expect(response.headers['metadata.rows-affected']).toBeUndefined();
    expect(response.headers['metadata.duration']).toMatch(GO_DURATION);
  });

  it('answers null for a query without rows, and for a statement that returns none', async () => {
    expect((await call('query', `SELECT id FROM ${table} WHERE id < 0`)).body.toString()).toBe('null');
    expect((await call('query', `SELECT id FROM ${table} WHERE id = ?`, [-1])).body.toString()).toBe('null');
    const update = await call('query', `UPDATE ${table} SET note = 'n' WHERE id = 4`);
    expect(update.status).toBe(200);
    expect(update.body.toString()).toBe('null');
  });

  it('binds params as values, never as SQL: hostile strings are stored verbatim', async () => {
    const hostile = [
      `'; DROP TABLE ${table}; --`,
      `Robert'); DELETE FROM ${table} WHERE ('1'='1`,
      'quote \' double " backtick ` backslash \\ end\\',
      'nul\u0000byte and \\0 and \\\\x00',
      'unicode: é ü 日本語 🎉 \u2028 <script>&amp;',
      '?',
      '%_%',
    ];
    let id = 100;
    for (const text of hostile) {
      id += 1;
      const response = await call('exec', `INSERT INTO ${table} (id, name, note) VALUES (?, ?, ?)`, [id, text, text]);
      expect(response.status).toBe(200);
      expect(response.headers['metadata.rows-affected']).toBe('1');
    }
    const [rows] = await raw.query<mysql.RowDataPacket[]>(
      `SELECT id, name, note FROM ${table} WHERE id > 100 ORDER BY id`,
    );
    expect(rows.map((row) => row.name)).toEqual(hostile);
    expect(rows.map((row) => row.note)).toEqual(hostile);
    const [count] = await raw.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    expect(Number(count[0]!.n)).toBe(4 + hostile.length);

    // Read back through the binding: Go's JSON escaping (<, >, &, U+2028 and NUL).
    const back = await call('query', `SELECT name FROM ${table} WHERE id = ?`, [105]);
    expect(back.body.toString()).toBe('[{"name":"unicode: é ü 日本語 🎉 \\u2028 \\u003cscript\\u003e\\u0026amp;"}]');
    expect(JSON.parse(back.body.toString())).toEqual([{ name: hostile[4] }]);
    const nul = await call('query', `SELECT name FROM ${table} WHERE name = ?`, [hostile[3]]);
    expect(JSON.parse(nul.body.toString())).toEqual([{ name: hostile[3] }]);
  });

  it('binds numbers, booleans and null as go-sql-driver does (DOUBLE, TINY, NULL)', async () => {
    const response = await call('query', 'SELECT ? AS n, ? AS f, ? AS t, ? AS z, ? AS s', [42, 1.5, true, null, 'x']);
    // A NULL parameter makes a column of type NULL, which go-sql-driver scans into *any: the key stays.
    expect(response.body.toString()).toBe('[{"f":1.5,"n":42,"s":"x","t":1,"z":null}]');
  });

  it('treats empty params and [] as no parameters, and null params as none', async () => {
    for (const params of ['', '[]', 'null']) {
      const response = await post(runtime, 'db', { operation: 'query', metadata: { sql: 'SELECT 1 AS one', params } });
      expect(response.body.toString()).toBe('[{"one":1}]');
    }
  });

  it('refuses a request without sql, with daprd message, before touching the server', async () => {
    for (const metadata of [{}, { sql: '' }]) {
      for (const operation of ['exec', 'query']) {
        const response = await post(runtime, 'db', { operation, metadata });
        expect(response.status).toBe(500);
        expect(errorOf(response)).toEqual({
          errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
          message: 'error invoking output binding db: required metadata not set: sql',
        });
      }
    }
  });

  it('refuses params that are not a JSON array, with the Go decoder message', async () => {
    const cases: Array<[string, string]> = [
      ['{"a":1}', 'json: cannot unmarshal object into Go value of type []interface {}'],
      ['"x"', 'json: cannot unmarshal string into Go value of type []interface {}'],
      ['1', 'json: cannot unmarshal number into Go value of type []interface {}'],
      ['true', 'json: cannot unmarshal bool into Go value of type []interface {}'],
      ['[1,', 'unexpected end of JSON input'],
      ['nope', "invalid character 'o' in literal null (expecting 'u')"],
      ['[1] x', "invalid character 'x' after top-level value"],
    ];
    for (const [params, detail] of cases) {
      const response = await post(runtime, 'db', { operation: 'exec', metadata: { sql: 'SELECT 1', params } });
      expect(response.status).toBe(500);
      expect(errorOf(response).message).toBe(
        `error invoking output binding db: invalid metadata property params: failed to unserialize into an array: ${detail}`,
      );
    }
  });

  it('refuses objects inside params and a wrong placeholder count as database/sql does', async () => {
    const nested = await call('exec', `INSERT INTO ${table} (id, name) VALUES (?, ?)`, [500, { a: 1 }]);
    expect(errorOf(nested).message).toBe(
      'error invoking output binding db: error executing query: sql: converting argument $2 type: unsupported type map[string]interface {}, a map',
    );
    const count = await call('exec', `INSERT INTO ${table} (id, name) VALUES (?, ?)`, [500]);
    expect(errorOf(count).message).toBe(
      'error invoking output binding db: error executing query: sql: expected 2 arguments, got 1',
    );
    const [rows] = await raw.query<mysql.RowDataPacket[]>(`SELECT id FROM ${table} WHERE id = 500`);
    expect(rows).toHaveLength(0);
  });

  it("reports the server's SQL error in go-sql-driver's words, and keeps working", async () => {
    const missing = await call('query', 'SELECT * FROM dapr_no_such_table_at_all');
    expect(missing.status).toBe(500);
    expect(errorOf(missing)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        "error invoking output binding db: error executing query: Error 1146 (42S02): Table 'dapr.dapr_no_such_table_at_all' doesn't exist",
    });
    const syntax = await call('exec', 'SELEC 1', []);
    expect(errorOf(syntax).message).toMatch(
      /^error invoking output binding db: error executing query: Error 1064 \(42000\): You have an error in your SQL syntax; .*near 'SELEC 1' at line 1$/,
    );
    const duplicate = await call('exec', `INSERT INTO ${table} (id, name) VALUES (?, ?)`, [1, 'again']);
    expect(errorOf(duplicate).message).toBe(
      "error invoking output binding db: error executing query: Error 1062 (23000): Duplicate entry '1' for key 'PRIMARY'",
    );
    expect((await call('query', 'SELECT 2 AS two')).body.toString()).toBe('[{"two":2}]');
  });

  it('closes: 204, then the next call opens new connections, and close stays 204', async () => {
    const own = realRuntime([mysqlComponent('closing')]);
    try {
      expect((await post(own, 'closing', { operation: 'query', metadata: { sql: 'SELECT 1' } })).status).toBe(200);
      const closed = await post(own, 'closing', { operation: 'close' });
      expect(closed.status).toBe(204);
      expect(closed.body.length).toBe(0);
      const after = await post(own, 'closing', { operation: 'query', metadata: { sql: 'SELECT 1 AS one' } });
      expect([after.status, after.body.toString()]).toEqual([200, '[{"one":1}]']);
      expect((await post(own, 'closing', { operation: 'close' })).status).toBe(204);
      expect((await post(own, 'closing', { operation: 'close' })).status).toBe(204);
    } finally {
      await own.close();
    }
  });

  it('sets the charset and the system variables of the DSN on each connection, as go-sql-driver', async () => {
    const response = await call(
      'query',
      'SELECT @@SESSION.sql_mode AS m, @@SESSION.character_set_client AS c',
      undefined,
      'session',
    );
    expect(response.body.toString()).toBe('[{"c":"latin1","m":"ANSI_QUOTES"}]');
  });

  it('refuses an unknown operation with daprd supported-operations list', async () => {
    const response = await post(runtime, 'db', { operation: 'get', metadata: { sql: 'SELECT 1' } });
    expect(errorOf(response).message).toBe(
      'error invoking output binding db: binding db does not support operation get. supported operations:exec query close',
    );
  });
});
