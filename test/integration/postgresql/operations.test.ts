import type pg from 'pg';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { postgresComponent, postgresUrl, rawClient, uniqueTable } from './postgres-support';

jest.setTimeout(60_000);

const RFC3339_NANO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/;
const GO_DURATION = /^(\d+(\.\d*[1-9])?(ns|µs|ms|s)|(\d+h)?(\d+m)?\d+(\.\d*[1-9])?s)$/;

describe('postgresql binding against a real server', () => {
  let runtime: BindingsRuntime;
  let raw: pg.Client;
  const table = uniqueTable('ops');

  beforeAll(async () => {
    runtime = realRuntime([
      postgresComponent('db'),
      postgresComponent('alias', {}, postgresUrl(), 'bindings.postgres'),
      postgresComponent('keywords', {}, keywordForm(postgresUrl())),
    ]);
    raw = await rawClient();
  });

  afterAll(async () => {
    await raw.query(`DROP TABLE IF EXISTS ${table}`);
    await raw.end();
    await runtime.close();
  });

  const exec = (sql: string, params?: unknown[], name = 'db') =>
    post(runtime, name, {
      operation: 'exec',
      metadata: params === undefined ? { sql } : { sql, params: JSON.stringify(params) },
    });
  const query = (sql: string, params?: unknown[], name = 'db') =>
    post(runtime, name, {
      operation: 'query',
      metadata: params === undefined ? { sql } : { sql, params: JSON.stringify(params) },
    });

  it('creates, inserts and updates with exec: 200, empty body, rows-affected and timing metadata', async () => {
    const created = await exec(`CREATE TABLE ${table} (id int PRIMARY KEY, name text, score numeric(6,2))`);
    expect(created.status).toBe(200);
    expect(created.body.length).toBe(0);
    expect(created.headers['metadata.operation']).toBe('exec');
    expect(created.headers['metadata.rows-affected']).toBe('0');
    expect(created.headers['metadata.sql']).toBe(
      `CREATE TABLE ${table} (id int PRIMARY KEY, name text, score numeric(6,2))`,
    );
    expect(created.headers['metadata.start-time']).toMatch(RFC3339_NANO_UTC);
    expect(created.headers['metadata.end-time']).toMatch(RFC3339_NANO_UTC);
    expect(created.headers['metadata.duration']).toMatch(GO_DURATION);
    expect(Date.parse(created.headers['metadata.end-time']!)).toBeGreaterThanOrEqual(
      Date.parse(created.headers['metadata.start-time']!),
    );

    const inserted = await exec(`INSERT INTO ${table} (id, name, score) VALUES ($1, $2, $3), ($4, $5, $6)`, [
      1,
      'one',
      1.5,
      2,
      'two',
      '2.25',
    ]);
    expect(inserted.status).toBe(200);
    expect(inserted.headers['metadata.rows-affected']).toBe('2');

    const updated = await exec(`UPDATE ${table} SET name = upper(name) WHERE id >= $1`, [1]);
    expect(updated.headers['metadata.rows-affected']).toBe('2');

    const selected = await query(`SELECT id, name, score FROM ${table} ORDER BY id`);
    expect(selected.status).toBe(200);
    expect(selected.headers['content-type']).toBe('application/json');
    expect(selected.headers['metadata.operation']).toBe('query');
    expect(selected.headers['metadata.rows-affected']).toBeUndefined();
    expect(selected.body.toString()).toBe('[[1,"ONE",1.50],[2,"TWO",2.25]]');

    const none = await query(`SELECT id FROM ${table} WHERE id > $1`, [100]);
    expect(none.body.toString()).toBe('[]');
  });

  it('serves the bindings.postgres alias and keyword/value connection strings', async () => {
    expect((await query('SELECT $1::int + 1', [41], 'alias')).body.toString()).toBe('[[42]]');
    expect((await query('SELECT current_user, current_database()', [], 'keywords')).body.toString()).toBe(
      '[["dapr","dapr"]]',
    );
  });

  it('stores hostile parameter strings verbatim and injects nothing', async () => {
    const hostile = uniqueTable('hostile');
    await exec(`CREATE TABLE ${hostile} (id int, v text)`);
    try {
      const values = [
        "'; DROP TABLE " + hostile + '; --',
        'Robert"); DROP TABLE students;--',
        "it's \\ a 'quote' \"and\" $1 $$ dollar $$",
        'ünïcödé ✓ 😀 \u2028 <script>&',
      ];
      for (const [i, value] of values.entries()) {
        const response = await exec(`INSERT INTO ${hostile} (id, v) VALUES ($1, $2)`, [i, value]);
        expect(response.status).toBe(200);
      }
      const stored = await raw.query(`SELECT v FROM ${hostile} ORDER BY id`);
      expect(stored.rows.map((row: { v: string }) => row.v)).toEqual(values);
      // A parameter is a value, never SQL: the same text in a WHERE clause matches itself only.
      const matched = await query(`SELECT count(*) FROM ${hostile} WHERE v = $1`, [values[0]]);
      expect(matched.body.toString()).toBe('[[1]]');

      const nul = await exec(`INSERT INTO ${hostile} (id, v) VALUES ($1, $2)`, [9, 'a\u0000b']);
      expect(nul.status).toBe(500);
      expect(errorOf(nul).message).toBe(
        'error invoking output binding db: error executing query: ERROR: invalid byte sequence for encoding "UTF8": 0x00 (SQLSTATE 22021)',
      );
      expect((await raw.query(`SELECT count(*)::int AS n FROM ${hostile}`)).rows[0].n).toBe(values.length);
    } finally {
      await raw.query(`DROP TABLE IF EXISTS ${hostile}`);
    }
  });

  it("refuses a request without sql with daprd's message, before anything is sent", async () => {
    for (const metadata of [{}, { sql: '' }, { SQL: 'SELECT 1' }]) {
      const response = await post(runtime, 'db', { operation: 'exec', metadata });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: 'error invoking output binding db: required metadata not set: sql',
      });
    }
  });

  it("refuses params that are not a JSON array with Go's decoding error", async () => {
    const cases: Array<[string, string]> = [
      ['{"a":1}', 'json: cannot unmarshal object into Go value of type []interface {}'],
      ['"x"', 'json: cannot unmarshal string into Go value of type []interface {}'],
      ['5', 'json: cannot unmarshal number into Go value of type []interface {}'],
      ['[1,', 'unexpected end of JSON input'],
      ['nope', "invalid character 'o' in literal null (expecting 'u')"],
      ['[1] x', "invalid character 'x' after top-level value"],
    ];
    for (const [params, detail] of cases) {
      const response = await post(runtime, 'db', { operation: 'query', metadata: { sql: 'SELECT 1', params } });
      expect(response.status).toBe(500);
      expect(errorOf(response).message).toBe(
        `error invoking output binding db: invalid metadata property params: failed to unserialize into an array: ${detail}`,
      );
    }
    const nullParams = await post(runtime, 'db', { operation: 'query', metadata: { sql: 'SELECT 1', params: 'null' } });
    expect(nullParams.body.toString()).toBe('[[1]]');
  });

  it("answers a SQL error with pgx's text and keeps the connection", async () => {
    const response = await query('SELEC 1');
    expect(response.status).toBe(500);
    expect(errorOf(response)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        'error invoking output binding db: error executing query: ERROR: syntax error at or near "SELEC" (SQLSTATE 42601)',
    });
    const missing = await exec('INSERT INTO dapr_no_such_table VALUES (1)');
    expect(errorOf(missing).message).toBe(
      'error invoking output binding db: error executing query: ERROR: relation "dapr_no_such_table" does not exist (SQLSTATE 42P01)',
    );
    expect((await query('SELECT 1')).body.toString()).toBe('[[1]]');
  });

  it("refuses a parameter count that does not match the statement's with pgx's message", async () => {
    const tooFew = await query('SELECT $1::int, $2::int', [1]);
    expect(tooFew.status).toBe(500);
    expect(errorOf(tooFew).message).toBe(
      'error invoking output binding db: error executing query: expected 2 arguments, got 1',
    );
    const tooMany = await exec('SELECT 1', [1]);
    expect(errorOf(tooMany).message).toBe(
      'error invoking output binding db: error executing query: expected 0 arguments, got 1',
    );
    // Without params pgx runs exec as a simple query: the server names the missing parameter.
    const noneGiven = await exec('SELECT $1::int');
    expect(errorOf(noneGiven).message).toBe(
      'error invoking output binding db: error executing query: ERROR: there is no parameter $1 (SQLSTATE 42P02)',
    );
    expect((await query('SELECT 1')).body.toString()).toBe('[[1]]');
  });

  it('runs several parameterless statements in one exec (pgx: a simple query) but not in a query', async () => {
    const scratch = uniqueTable('multi');
    try {
      const response = await exec(
        `CREATE TABLE ${scratch} (id int); INSERT INTO ${scratch} VALUES (1), (2); UPDATE ${scratch} SET id = id + 1`,
      );
      expect(response.status).toBe(200);
      expect(response.headers['metadata.rows-affected']).toBe('2');
      expect((await query(`SELECT sum(id) FROM ${scratch}`)).body.toString()).toBe('[[5]]');
      const withParams = await exec(`INSERT INTO ${scratch} VALUES ($1); SELECT 1`, [1]);
      expect(errorOf(withParams).message).toBe(
        'error invoking output binding db: error executing query: ERROR: cannot insert multiple commands into a prepared statement (SQLSTATE 42601)',
      );
      const rows = await query('SELECT 1; SELECT 2');
      expect(errorOf(rows).message).toBe(
        'error invoking output binding db: error executing query: ERROR: cannot insert multiple commands into a prepared statement (SQLSTATE 42601)',
      );
    } finally {
      await raw.query(`DROP TABLE IF EXISTS ${scratch}`);
    }
  });

  it('answers close with 204 and serves the next call on a new pool', async () => {
    const closed = await post(runtime, 'db', { operation: 'close' });
    expect(closed.status).toBe(204);
    expect(closed.body.length).toBe(0);
    expect((await post(runtime, 'db', { operation: 'close' })).status).toBe(204);
    expect((await query('SELECT 2')).body.toString()).toBe('[[2]]');
  });

  it("lists daprd's operations, in its order, for an unknown one", async () => {
    const response = await post(runtime, 'db', { operation: 'get', metadata: { sql: 'SELECT 1' } });
    expect(errorOf(response).message).toBe(
      'error invoking output binding db: binding db does not support operation get. supported operations:exec query close',
    );
  });
});

/** The same server as a libpq keyword/value string. */
function keywordForm(url: string): string {
  const parsed = new URL(url);
  return [
    `host=${parsed.hostname}`,
    `port=${parsed.port || 5432}`,
    `user=${decodeURIComponent(parsed.username)}`,
    `password=${decodeURIComponent(parsed.password)}`,
    `dbname=${parsed.pathname.slice(1)}`,
    'sslmode=disable',
  ].join(' ');
}
