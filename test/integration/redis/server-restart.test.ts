import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { PrivateRedis, rawClient, redisComponent, redisHost } from './redis-support';

jest.setTimeout(60_000);

// Stops and restarts a redis-server of its own (on a free port), never the shared test server.
describe('redis binding across server outages', () => {
  let server: PrivateRedis;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    redisHost(); // the suite needs the test server configured, like every redis test
    server = await PrivateRedis.start();
    runtime = realRuntime([redisComponent('volatile', { dialTimeout: '1s', readTimeout: '1s' }, server.host)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.stop();
  });

  it('writes nothing for a request without a key or with a bad TTL', async () => {
    for (const metadata of [{}, { key: '' }, { key: 'k', ttlInSeconds: '-5' }]) {
      expect((await post(runtime, 'volatile', { operation: 'create', data: 'x', metadata })).status).toBe(500);
    }
    const raw = rawClient(server.host);
    try {
      await raw.connect();
      expect(await raw.dbsize()).toBe(0);
    } finally {
      raw.disconnect();
    }
  });

  it('reconnects when the server restarted while the binding was idle, without failing the next call', async () => {
    expect((await post(runtime, 'volatile', { operation: 'create', data: 1, metadata: { key: 'a' } })).status).toBe(
      204,
    );
    await server.stop();
    await server.start();
    const after = await post(runtime, 'volatile', { operation: 'create', data: 2, metadata: { key: 'a' } }, 10_000);
    expect(after.status).toBe(204);
    expect((await post(runtime, 'volatile', { operation: 'get', metadata: { key: 'a' } })).body.toString()).toBe('2');
  });

  it('answers a Dapr error within the deadline while the server is down, then succeeds once it is back', async () => {
    await server.stop();
    const started = Date.now();
    const down = await post(runtime, 'volatile', { operation: 'create', data: 3, metadata: { key: 'b' } }, 3_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    // Either the client saw the connection close (it reconnects, refused) or the call came first (nothing sent).
    const host = server.host.replace(/\./g, '\\.');
    expect(errorOf(down).message).toMatch(
      new RegExp(
        `^error invoking output binding volatile: redis binding: (error connecting to redis at ${host}: connect ECONNREFUSED ${host}|the connection to ${host} was closed; SET was not sent)$`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(3_000);

    await server.start();
    const up = await post(runtime, 'volatile', { operation: 'create', data: 4, metadata: { key: 'b' } }, 10_000);
    expect(up.status).toBe(204);
    expect((await post(runtime, 'volatile', { operation: 'get', metadata: { key: 'b' } })).body.toString()).toBe('4');
  });

  it('bounds a command the server does not answer by readTimeout, then rebuilds the connection', async () => {
    const created = await post(runtime, 'volatile', { operation: 'create', data: 5, metadata: { key: 'c' } });
    expect(created.body.toString()).toBe('');
    expect(created.status).toBe(204);
    server.signal('SIGSTOP');
    let silent;
    try {
      silent = await post(runtime, 'volatile', { operation: 'get', metadata: { key: 'c' } }, 10_000);
    } finally {
      server.signal('SIGCONT');
    }
    expect(silent.status).toBe(500);
    expect(errorOf(silent).message).toBe('error invoking output binding volatile: redis: GET timed out after 1000ms');
    const after = await post(runtime, 'volatile', { operation: 'get', metadata: { key: 'c' } }, 10_000);
    expect(after.status).toBe(200);
    expect(after.body.toString()).toBe('5');
  });
});
