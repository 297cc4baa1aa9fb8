import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import type { InvokeRequest } from '../../../../src/bindings/driver';
import { commandsFor, MISSING_KEY, requestTtlSeconds } from '../../../../src/bindings/redis/request';

function request(operation: string, metadata: Record<string, string>, data = '"hello"'): InvokeRequest {
  return { name: 'cache', operation, data: Buffer.from(data), metadata };
}

describe('redis request mapping', () => {
  it.each(['create', 'get', 'delete', 'increment'])(
    "%s without a key (or with an empty one, or Key) fails with daprd's message",
    (operation) => {
      for (const metadata of [{}, { key: '' }, { Key: 'k' }] as Array<Record<string, string>>) {
        const call = () => commandsFor(request(operation, metadata));
        expect(call).toThrow(InvalidRequestMetadataError);
        expect(call).toThrow(`error invoking output binding cache: ${MISSING_KEY}`);
      }
    },
  );

  it('maps create to SET with the data bytes as they are, quotes included', () => {
    expect(commandsFor(request('create', { key: 'k' }))).toEqual([['SET', 'k', Buffer.from('"hello"')]]);
  });

  it('maps create with a TTL to one SET … EX, and a TTL under a second to the DEL that daprd’s EXPIRE 0 amounts to', () => {
    expect(commandsFor(request('create', { key: 'k', ttlInSeconds: '60' }))).toEqual([
      ['SET', 'k', Buffer.from('"hello"'), 'EX', 60],
    ]);
    expect(commandsFor(request('create', { key: 'k', ttl: '1m30s' }))).toEqual([
      ['SET', 'k', Buffer.from('"hello"'), 'EX', 90],
    ]);
    expect(commandsFor(request('create', { key: 'k', ttlInSeconds: '500ms' }))).toEqual([['DEL', 'k']]);
  });

  it('maps get to GET, and to GETDEL only for delete=true exactly', () => {
    expect(commandsFor(request('get', { key: 'k' }))).toEqual([['GET', 'k']]);
    expect(commandsFor(request('get', { key: 'k', delete: 'true' }))).toEqual([['GETDEL', 'k']]);
    expect(commandsFor(request('get', { key: 'k', delete: 'True' }))).toEqual([['GET', 'k']]);
    // daprd reads no TTL on get, so a bad one is no error there.
    expect(commandsFor(request('get', { key: 'k', ttlInSeconds: 'x' }))).toEqual([['GET', 'k']]);
  });

  it('maps delete to DEL and increment to INCR, then EXPIRE with a TTL', () => {
    expect(commandsFor(request('delete', { key: 'k' }))).toEqual([['DEL', 'k']]);
    expect(commandsFor(request('increment', { key: 'n' }))).toEqual([['INCR', 'n']]);
    expect(commandsFor(request('increment', { key: 'n', ttlInSeconds: '5' }))).toEqual([
      ['INCR', 'n'],
      ['EXPIRE', 'n', 5],
    ]);
  });

  it("reads the TTL as daprd's TryGetTTL: ttl before ttlInSeconds, names in any case, durations or seconds", () => {
    const ttl = (metadata: Record<string, string>) => requestTtlSeconds(request('create', { key: 'k', ...metadata }));
    expect(ttl({})).toBeUndefined();
    expect(ttl({ ttlInSeconds: '' })).toBeUndefined();
    expect(ttl({ TTLINSECONDS: '7' })).toBe(7);
    expect(ttl({ ttl: '3', ttlInSeconds: '9' })).toBe(3);
    expect(ttl({ ttlInSeconds: '2h' })).toBe(7200);
    expect(ttl({ ttlInSeconds: '1.9s' })).toBe(1);
    expect(ttl({ ttlInSeconds: '0' })).toBe(0);
    expect(ttl({ ttlInSeconds: '-5s' })).toBe(0);
  });

  it.each([
    ['abc', "ttl value must be a valid integer: actual is 'abc'"],
    ['1.5', "ttl value must be a valid integer: actual is '1.5'"],
    ['-5', "ttl value must be higher than zero: actual is '-5'"],
  ])('refuses ttlInSeconds %s before sending anything', (value, message) => {
    for (const operation of ['create', 'increment']) {
      const call = () => commandsFor(request(operation, { key: 'k', ttlInSeconds: value }));
      expect(call).toThrow(InvalidRequestMetadataError);
      expect(call).toThrow(`error invoking output binding cache: ${message}`);
    }
  });
});
