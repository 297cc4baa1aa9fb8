import pg from 'pg';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { postgresComponent, postgresUrl, PrivatePostgres } from './postgres-support';

jest.setTimeout(120_000);

// Stops and restarts a PostgreSQL server of its own (temp data dir, free port), never the shared one.
describe('postgresql binding across server outages', () => {
  let server: PrivatePostgres;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    postgresUrl(); // the suite needs the test server configured, like every postgresql test
    server = await PrivatePostgres.start();
    runtime = realRuntime([postgresComponent('volatile', { timeout: '2s' }, server.url)]);
    const created = await post(runtime, 'volatile', {
      operation: 'exec',
      metadata: { sql: 'CREATE TABLE IF NOT EXISTS t (id int)' },
    });
    expect(created.status).toBe(200);
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.destroy();
  });

  const insert = (id: number, remainingMs?: number) =>
    post(
      runtime,
      'volatile',
      { operation: 'exec', metadata: { sql: 'INSERT INTO t VALUES ($1)', params: JSON.stringify([id]) } },
      remainingMs,
    );
  const count = async () =>
    (
      await post(runtime, 'volatile', { operation: 'query', metadata: { sql: 'SELECT count(*) FROM t' } })
    ).body.toString();

  it('answers the next call after a restart while idle, without an error', async () => {
    expect((await insert(1)).status).toBe(200);
    await server.stop();
    await server.start();
    const after = await insert(2, 10_000);
    expect(after.status).toBe(200);
    expect(after.headers['metadata.rows-affected']).toBe('1');
    expect(await count()).toBe('[[2]]');
  });

  it('answers a Dapr error before the deadline while the server is down, then succeeds once it is back', async () => {
    expect((await insert(3)).status).toBe(200);
    await server.stop();
    const started = Date.now();
    const down = await insert(4, 5_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(down).message).toBe(
      `error invoking output binding volatile: error executing query: failed to connect: connect ECONNREFUSED 127.0.0.1:${server.port}`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);

    await server.start();
    const up = await insert(5, 10_000);
    expect(up.status).toBe(200);
    expect(await count()).toBe('[[4]]');
  });

  it('ends a statement that outlives the deadline: a Dapr error in time, the server cancels it, the next call works', async () => {
    const started = Date.now();
    const slow = await post(
      runtime,
      'volatile',
      { operation: 'query', metadata: { sql: 'SELECT pg_sleep(60)' } },
      2_000,
    );
    expect(slow.status).toBe(500);
    expect(errorOf(slow).message).toMatch(/^error invoking output binding volatile: deadline of \d+ms exceeded/);
    expect(Date.now() - started).toBeLessThan(2_000);

    const observer = new pg.Client({ connectionString: server.url });
    await observer.connect();
    try {
      let sleeping = 1;
      for (let i = 0; i < 50 && sleeping > 0; i++) {
        const result = await observer.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'",
        );
        sleeping = (result.rows[0] as { n: number }).n;
        if (sleeping > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(sleeping).toBe(0);
    } finally {
      await observer.end();
    }
    const next = await post(runtime, 'volatile', { operation: 'query', metadata: { sql: 'SELECT 1' } });
    expect(next.body.toString()).toBe('[[1]]');
  });
});
