import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mysqlComponent, mysqlDsn, PrivateMariadb } from './mysql-support';

jest.setTimeout(120_000);

// Stops and restarts a mariadbd of its own (temp datadir, free port), never the shared test server.
describe('mysql binding across server outages', () => {
  let server: PrivateMariadb;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    mysqlDsn(); // the suite needs the test server configured, like every mysql test
    server = await PrivateMariadb.start();
    runtime = realRuntime([mysqlComponent('volatile', {}, `${server.dsn}?timeout=1s`)]);
    // A datadir made with --skip-test-db has no `test` database.
    for (const sql of ['CREATE DATABASE IF NOT EXISTS test', 'CREATE TABLE test.restart_probe (id INT PRIMARY KEY)']) {
      expect((await post(runtime, 'volatile', { operation: 'exec', metadata: { sql } })).status).toBe(200);
    }
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.remove();
  });

  const insert = (id: number, remainingMs?: number) =>
    post(
      runtime,
      'volatile',
      { operation: 'exec', metadata: { sql: 'INSERT INTO test.restart_probe (id) VALUES (?)', params: `[${id}]` } },
      remainingMs,
    );
  const count = async () =>
    (
      await post(runtime, 'volatile', {
        operation: 'query',
        metadata: { sql: 'SELECT COUNT(*) AS n FROM test.restart_probe' },
      })
    ).body.toString();

  it('reconnects when the server restarted while the binding was idle, without failing the next call', async () => {
    expect((await insert(1)).status).toBe(200);
    await server.stop();
    await server.start();
    const after = await insert(2, 10_000);
    expect(after.status).toBe(200);
    expect(after.headers['metadata.rows-affected']).toBe('1');
    expect(await count()).toBe('[{"n":2}]');
  });

  it('answers a Dapr error before the deadline while the server is down, then succeeds once it is back', async () => {
    expect((await insert(3)).status).toBe(200);
    await server.stop();
    const started = Date.now();
    const down = await insert(4, 5_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(down).message).toMatch(
      /^error invoking output binding volatile: (error executing query|unable to ping the DB): .*(ECONNREFUSED|closed|Connection lost)/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // A second call while down: the rebuilt driver cannot connect either, and says so in time.
    const again = await insert(4, 5_000);
    expect(again.status).toBe(500);
    expect(errorOf(again).message).toBe(
      `error invoking output binding volatile: unable to ping the DB: connect ECONNREFUSED 127.0.0.1:${server.port}`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);

    await server.start();
    const up = await insert(4, 10_000);
    expect(up.status).toBe(200);
    expect(await count()).toBe('[{"n":4}]');
  });

  it('bounds a statement the server does not answer by the deadline, destroying its connection', async () => {
    expect((await insert(5)).status).toBe(200);
    server.signal('SIGSTOP');
    let silent;
    const started = Date.now();
    try {
      silent = await insert(6, 2_500);
    } finally {
      server.signal('SIGCONT');
    }
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(silent.status).toBe(500);
    expect(errorOf(silent).message).toMatch(
      /^error invoking output binding volatile: deadline of \d+ms exceeded; the outcome of the operation is unknown$/,
    );
    const after = await insert(7, 10_000);
    expect(after.status).toBe(200);
    // The aborted insert either never reached the server or ran once: never twice, never later.
    expect(['[{"n":6}]', '[{"n":7}]']).toContain(await count());
  });
});
