import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { postgresComponent, postgresUrl } from './postgres-support';

jest.setTimeout(60_000);

/** The test server's URL with other credentials or query parameters. */
function variant(change: (url: URL) => void): string {
  const url = new URL(postgresUrl());
  change(url);
  return url.toString();
}

describe('postgresql binding connection settings against a real server', () => {
  let runtime: BindingsRuntime;

  beforeAll(() => {
    runtime = realRuntime([
      postgresComponent(
        'prefer',
        {},
        variant((url) => url.searchParams.set('sslmode', 'prefer')),
      ),
      postgresComponent(
        'disable',
        {},
        variant((url) => url.searchParams.set('sslmode', 'disable')),
      ),
      postgresComponent(
        'require',
        {},
        variant((url) => url.searchParams.set('sslmode', 'require')),
      ),
      postgresComponent(
        'badpassword',
        {},
        variant((url) => (url.password = 'wrong')),
      ),
      postgresComponent(
        'override',
        { user: 'dapr', password: 'dapr', database: 'postgres' },
        variant((url) => (url.password = 'wrong')),
      ),
      postgresComponent(
        'runtimeparam',
        {},
        variant((url) => url.searchParams.set('search_path', 'pg_catalog')),
      ),
      postgresComponent('simple', { queryExecMode: 'simple_protocol' }),
    ]);
  });

  afterAll(() => runtime.close());

  const query = (name: string, sql: string, params?: unknown[]) =>
    post(runtime, name, { operation: 'query', metadata: params ? { sql, params: JSON.stringify(params) } : { sql } });

  it('connects in plain text with sslmode=prefer (pgx’s default) when the server has no TLS, and with disable', async () => {
    expect((await query('prefer', 'SELECT 1')).body.toString()).toBe('[[1]]');
    expect((await query('disable', 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).body.toString()).toBe(
      '[[false]]',
    );
  });

  it('refuses to connect in plain text with sslmode=require', async () => {
    const response = await query('require', 'SELECT 1');
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toContain('failed to ping the DB: The server does not support SSL connections');
  });

  it("reports the server's authentication error, and lets metadata fields override the connection string", async () => {
    const response = await query('badpassword', 'SELECT 1');
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toContain(
      'failed to ping the DB: FATAL: password authentication failed for user "dapr" (SQLSTATE 28P01)',
    );
    expect((await query('override', 'SELECT current_database()')).body.toString()).toBe('[["postgres"]]');
  });

  it('sends other connection-string parameters as server run-time parameters', async () => {
    expect((await query('runtimeparam', 'SHOW search_path')).body.toString()).toBe('[["pg_catalog"]]');
  });

  it('runs a parameterless query as a simple query with queryExecMode simple_protocol, as pgx does', async () => {
    // pgx reads the rows of the first statement and drains the others
    expect((await query('simple', 'SELECT 1; SELECT 2')).body.toString()).toBe('[[1]]');
    expect((await query('simple', 'SELECT $1::int', [3])).body.toString()).toBe('[[3]]');
  });
});
