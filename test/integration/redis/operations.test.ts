import type Redis from 'ioredis';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { eventually } from '../../support/processes';
import { rawClient, redisComponent, uniqueKey } from './redis-support';

jest.setTimeout(60_000);

describe('redis binding against a real server', () => {
  let runtime: BindingsRuntime;
  let raw: Redis;

  beforeAll(async () => {
    runtime = realRuntime([redisComponent('cache', { dialTimeout: '2s' })]);
    raw = rawClient();
    await raw.connect();
  });

  afterAll(async () => {
    await runtime.close();
    raw.disconnect();
  });

  async function get(key: string, metadata: Record<string, string> = {}) {
    return post(runtime, 'cache', { operation: 'get', metadata: { key, ...metadata } });
  }

  it('creates with 204 and gets back exactly the bytes daprd would write: JSON re-encoded, strings quoted', async () => {
    const text = uniqueKey('text');
    const object = uniqueKey('object');
    const created = await post(runtime, 'cache', { operation: 'create', data: 'hello', metadata: { key: text } });
    expect(created.status).toBe(204);
    expect(created.body.length).toBe(0);
    await post(runtime, 'cache', { operation: 'create', data: { b: 2, a: 1 }, metadata: { key: object } });

    const got = await get(text);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body.toString()).toBe('"hello"');
    expect((await get(object)).body.toString()).toBe('{"a":1,"b":2}');
    expect(await raw.get(text)).toBe('"hello"');
    expect(await raw.ttl(text)).toBe(-1);
  });

  it('answers 200 with an empty body for a key that does not exist', async () => {
    const missing = await get(uniqueKey('missing'));
    expect(missing.status).toBe(200);
    expect(missing.body.length).toBe(0);
  });

  it('reads and deletes at once with delete=true (GETDEL)', async () => {
    const key = uniqueKey('getdel');
    await post(runtime, 'cache', { operation: 'create', data: 42, metadata: { key } });
    const first = await get(key, { delete: 'true' });
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe('42');
    const second = await get(key);
    expect(second.status).toBe(200);
    expect(second.body.length).toBe(0);
  });

  it('expires a key created with ttlInSeconds', async () => {
    const key = uniqueKey('ttl');
    const created = await post(runtime, 'cache', {
      operation: 'create',
      data: 'short-lived',
      metadata: { key, ttlInSeconds: '1' },
    });
    expect(created.status).toBe(204);
    expect(await raw.pttl(key)).toBeLessThanOrEqual(1000); // set with the value, or already gone
    expect(await eventually(async () => (await get(key)).body.length === 0)).toBe(true);
  });

  it('increments (204) and sets a TTL after the increment', async () => {
    const key = uniqueKey('counter');
    for (let i = 0; i < 3; i++) {
      expect((await post(runtime, 'cache', { operation: 'increment', metadata: { key } })).status).toBe(204);
    }
    expect((await get(key)).body.toString()).toBe('3');
    const withTtl = await post(runtime, 'cache', { operation: 'increment', metadata: { key, ttlInSeconds: '100' } });
    expect(withTtl.status).toBe(204);
    expect(await raw.get(key)).toBe('4');
    expect(await raw.ttl(key)).toBeGreaterThan(0);
  });

  it("fails an increment of a non-integer value with Redis's message, and keeps working", async () => {
    const key = uniqueKey('not-a-number');
    await post(runtime, 'cache', { operation: 'create', data: 'abc', metadata: { key } });
    const failed = await post(runtime, 'cache', { operation: 'increment', metadata: { key } });
    expect(failed.status).toBe(500);
    expect(errorOf(failed)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: 'error invoking output binding cache: ERR value is not an integer or out of range',
    });
    expect((await get(key)).body.toString()).toBe('"abc"');
  });

  it('deletes with 204', async () => {
    const key = uniqueKey('delete');
    await post(runtime, 'cache', { operation: 'create', data: 'x', metadata: { key } });
    const deleted = await post(runtime, 'cache', { operation: 'delete', metadata: { key } });
    expect(deleted.status).toBe(204);
    expect(await raw.exists(key)).toBe(0);
    expect((await post(runtime, 'cache', { operation: 'delete', metadata: { key } })).status).toBe(204);
  });

  it.each(['create', 'get', 'delete', 'increment'])(
    "refuses %s without a key with daprd's message",
    async (operation) => {
      const response = await post(runtime, 'cache', { operation, data: 'x', metadata: { Key: 'wrong-case' } });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: 'error invoking output binding cache: redis binding: missing key in request metadata',
      });
      expect(await raw.exists('wrong-case')).toBe(0);
    },
  );

  it('refuses a bad ttlInSeconds before writing anything', async () => {
    const key = uniqueKey('bad-ttl');
    const response = await post(runtime, 'cache', {
      operation: 'create',
      data: 'x',
      metadata: { key, ttlInSeconds: 'soon' },
    });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      "error invoking output binding cache: ttl value must be a valid integer: actual is 'soon'",
    );
    expect(await raw.exists(key)).toBe(0);
  });

  it("lists daprd's operations, in its order, for an unknown one", async () => {
    const response = await post(runtime, 'cache', { operation: 'list', metadata: { key: 'k' } });
    expect(response.status).toBe(500);
    expect(errorOf(response)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        'error invoking output binding cache: binding cache does not support operation list. supported operations:create delete get increment',
    });
  });

  it('selects redisDB', async () => {
    const db = realRuntime([redisComponent('db5', { redisDB: '5' })]);
    const key = uniqueKey('db');
    try {
      expect((await post(db, 'db5', { operation: 'create', data: 'in five', metadata: { key } })).status).toBe(204);
      expect(await raw.exists(key)).toBe(0);
      const other = rawClient();
      try {
        await other.connect();
        await other.select(5);
        expect(await other.get(key)).toBe('"in five"');
        await other.del(key);
      } finally {
        other.disconnect();
      }
    } finally {
      await db.close();
    }
  });
});
