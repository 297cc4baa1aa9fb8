import { checkComponentProperties } from '../../../../src/bindings/module';
import { redisOptions } from '../../../../src/bindings/redis/driver';
import {
  NONE,
  parseRedisDuration,
  resolveAddress,
  spec,
  timeouts,
  type RedisConfig,
} from '../../../../src/bindings/redis/spec';

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, { redisHost: 'localhost:6379', ...properties });
}

describe('redis spec', () => {
  it("lists daprd's operations in the order of its Operations(): create delete get increment", () => {
    expect(Object.keys(spec.operations)).toEqual(['create', 'delete', 'get', 'increment']);
  });

  it("accepts daprd's documented component, pool and retry fields included, with go-redis defaults", () => {
    const result = check({
      redisPassword: '',
      enableTLS: 'false',
      redisMaxRetries: '5',
      redisMinRetryInterval: '8ms',
      poolSize: '20',
      idleTimeout: '5m',
      maxConnAge: '30m',
      minIdleConns: '2',
      poolTimeout: '5s',
      processingTimeout: '60000',
      ttlInSeconds: '10',
    });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ redisDB: 0, redisType: 'node', enableTLS: false, failover: false });
    expect(timeouts(result.config)).toEqual({ dialMs: 5_000, readMs: 3_000, writeMs: 3_000 });
    expect(spec.operationTimeoutMs(result.config)).toBe(5_000 + 2 * 3_000);
  });

  it('reads durations as daprd does: a bare integer is milliseconds, a negative one means no timeout', () => {
    expect(parseRedisDuration('1500')).toBe(1500);
    expect(parseRedisDuration('2s')).toBe(2000);
    expect(parseRedisDuration('1m30s')).toBe(90_000);
    expect(parseRedisDuration('-1')).toBe(NONE);
    expect(parseRedisDuration('0')).toBe(0);
    expect(() => parseRedisDuration('soon')).toThrow('"soon" is not a duration');
    const { config } = check({ dialTimeout: '250', readTimeout: '-1', writeTimeout: '0' });
    expect(timeouts(config)).toEqual({ dialMs: 250, readMs: NONE, writeMs: NONE });
    expect(timeouts(check({ readTimeout: '1s', writeTimeout: '2s' }).config)).toMatchObject({
      readMs: 1000,
      writeMs: 2000,
    });
  });

  it.each([
    [{ redisHost: 'cache.example.com:6380' }, { host: 'cache.example.com', port: 6380 }],
    [{ redisHost: 'cache.example.com' }, { host: 'cache.example.com', port: 6379 }],
    [
      { redisHost: 'cache.example.com', redisPort: '7000' },
      { host: 'cache.example.com', port: 7000 },
    ],
    [
      { redisHost: 'cache:7000', redisPort: '7000' },
      { host: 'cache', port: 7000 },
    ],
    [{ redisHost: '[::1]:6390' }, { host: '::1', port: 6390 }],
    [{ redisHost: '::1' }, { host: '::1', port: 6379 }],
  ])("resolves %j like daprd's resolveHost", (properties, address) => {
    const { config, errors } = check(properties);
    expect(errors).toEqual([]);
    expect(resolveAddress(config)).toEqual(address);
  });

  it.each([
    [{ redisHost: '' }, 'metadata "redisHost" is required'],
    [
      { redisHost: 'cache:6379', redisPort: '6380' },
      'redis host "cache:6379" already contains port 6379, but redisPort is set to 6380; either remove the port from redisHost or remove the redisPort setting',
    ],
    [{ redisHost: 'a:1,b:2' }, 'metadata "redisHost" must be one address with redisType node, got "a:1,b:2"'],
    [{ redisHost: 'cache:99999' }, 'redis port 99999 is out of range'],
    [
      { readTimeout: 'soon' },
      'metadata "readTimeout": "soon" is not a duration (e.g. 5s, 500ms, or 500 for milliseconds)',
    ],
    [
      { redisType: 'cluster' },
      'metadata "redisType": "cluster" is not supported yet: use redisType node, or keep this component on daprd for now',
    ],
    [
      { failover: 'true' },
      'metadata "failover": Redis Sentinel is not supported yet; keep this component on daprd for now',
    ],
    [{ useAzureAD: 'true' }, 'metadata "useEntraID": Entra ID authentication is not supported yet'],
    [{ useOIDC: 'true' }, 'metadata "useOIDC": OIDC authentication is not supported yet'],
    [{ redisDB: '-1' }, 'metadata "redisDB" must be 0 or more'],
    [{ redisDB: 'one' }, 'metadata "redisDB": "one" is not an integer'],
    [{ enableTLS: 'maybe' }, 'metadata "enableTLS": "maybe" is not a boolean (use true or false)'],
    [
      { enableTLS: 'true', clientCert: '-----BEGIN CERTIFICATE-----x' },
      'clientCert and clientKey must be given together',
    ],
  ])('refuses %j', (properties, message) => {
    expect(check(properties).errors).toEqual([message]);
  });

  it('never shows the password in an error', () => {
    const { errors } = check({ redisPassword: 'hunter2', redisHost: 'a:1,b:2' });
    expect(errors.join(' ')).not.toContain('hunter2');
  });

  it('builds one-connection ioredis options that fail fast instead of queueing', () => {
    const { config } = check({
      redisHost: 'cache:6380',
      redisUsername: 'app',
      redisPassword: 'secret',
      redisDB: '3',
      dialTimeout: '2s',
      enableTLS: 'true',
    });
    expect(redisOptions(config as RedisConfig)).toMatchObject({
      host: 'cache',
      port: 6380,
      username: 'app',
      password: 'secret',
      db: 3,
      connectTimeout: 2000,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      tls: { servername: 'cache', rejectUnauthorized: true },
    });
    expect(redisOptions(config as RedisConfig).retryStrategy!(1)).toBeNull();
    expect(redisOptions(check({}).config as RedisConfig).tls).toBeUndefined();
  });
});
