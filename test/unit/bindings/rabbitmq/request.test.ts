import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import type { InvokeRequest } from '../../../../src/bindings/driver';
import {
  DEFAULT_CONTENT_TYPE,
  propertyIgnoringCase,
  publishOptions,
  requestExpirationMs,
  requestPriority,
} from '../../../../src/bindings/rabbitmq/request';

function request(metadata: Record<string, string>): InvokeRequest {
  return { name: 'queue', operation: 'create', data: Buffer.from('"hello"'), metadata };
}

function failure(metadata: Record<string, string>): InvalidRequestMetadataError {
  try {
    publishOptions(request(metadata));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestMetadataError);
    return error as InvalidRequestMetadataError;
  }
  throw new Error('expected publishOptions to throw');
}

describe('rabbitmq request metadata', () => {
  it("publishes persistent text/plain with every metadata entry as a header, as daprd's create", () => {
    expect(publishOptions(request({}))).toEqual({
      persistent: true,
      mandatory: false,
      contentType: DEFAULT_CONTENT_TYPE,
      headers: {},
    });
    const metadata = { ttlInSeconds: '60', priority: '5', contentType: 'application/json', custom: 'x' };
    expect(publishOptions(request(metadata)).headers).toEqual(metadata);
  });

  it('maps ttlInSeconds or ttl (names ignoring case, ttl first) to the expiration in milliseconds', () => {
    expect(requestExpirationMs(request({ ttlInSeconds: '60' }))).toBe(60_000);
    expect(requestExpirationMs(request({ TTLINSECONDS: '2' }))).toBe(2_000);
    expect(requestExpirationMs(request({ ttl: '1m30s', ttlInSeconds: '5' }))).toBe(90_000);
    expect(requestExpirationMs(request({ ttl: '1.001s' }))).toBe(1_001);
    expect(requestExpirationMs(request({ ttl: '1500us' }))).toBe(1);
    expect(requestExpirationMs(request({ ttl: '-5s' }))).toBe(0);
    expect(requestExpirationMs(request({ ttl: '0' }))).toBe(0);
    expect(requestExpirationMs(request({ ttl: '+3' }))).toBe(3_000);
    // An empty `ttl` hides `ttlInSeconds`, as kit's GetMetadataProperty returns the first key present.
    expect(requestExpirationMs(request({ ttl: '', ttlInSeconds: '5' }))).toBeUndefined();
    expect(requestExpirationMs(request({}))).toBeUndefined();
    expect(publishOptions(request({ ttlInSeconds: '60' })).expiration).toBe('60000');
  });

  it("refuses a bad TTL with daprd's messages, before anything is sent", () => {
    expect(failure({ ttlInSeconds: 'abc' }).message).toBe(
      "error invoking output binding queue: failed to get TTL: ttl value must be a valid integer: actual is 'abc'",
    );
    expect(failure({ ttlInSeconds: '-5' }).message).toBe(
      "error invoking output binding queue: failed to get TTL: ttl value must be higher than zero: actual is '-5'",
    );
    expect(failure({ ttl: '00' }).message).toBe(
      "error invoking output binding queue: failed to get TTL: ttl value must be higher than zero: actual is '0'",
    );
    expect(failure({ ttl: ' 5' }).message).toContain("must be a valid integer: actual is ' 5'");
    expect(failure({ ttl: '5 s' }).message).toContain("must be a valid integer: actual is '5 s'");
    expect(failure({ ttl: '99999999999999999999' }).message).toContain('must be a valid integer');
  });

  it('clamps priority to 0–255 as daprd, and refuses a non-integer with its message', () => {
    expect(requestPriority(request({ priority: '7' }))).toBe(7);
    expect(requestPriority(request({ priority: '+7' }))).toBe(7);
    expect(requestPriority(request({ priority: '300' }))).toBe(255);
    expect(requestPriority(request({ priority: '-1' }))).toBe(0);
    expect(requestPriority(request({ priority: '' }))).toBeUndefined();
    // daprd reads the exact key only.
    expect(requestPriority(request({ Priority: '7' }))).toBeUndefined();
    expect(failure({ priority: 'high' }).message).toBe(
      "error invoking output binding queue: priority value must be a valid integer: actual is 'high'",
    );
    expect(failure({ priority: '1.5' }).message).toContain("actual is '1.5'");
    expect(failure({ priority: '9223372036854775808' }).message).toContain('must be a valid integer');
  });

  it('checks the TTL before the priority, as daprd', () => {
    expect(failure({ ttl: 'x', priority: 'y' }).message).toContain('failed to get TTL');
  });

  it('maps contentType, messageID, correlationID and type: exact key first, then any key ignoring case', () => {
    const options = publishOptions(
      request({ contentType: 'application/json', MessageId: 'm-1', correlationid: 'c-1', TYPE: 't' }),
    );
    expect(options).toMatchObject({
      contentType: 'application/json',
      messageId: 'm-1',
      correlationId: 'c-1',
      type: 't',
    });
    expect(propertyIgnoringCase({ ContentType: 'a', contentType: 'b' }, 'contentType')).toBe('b');
    expect(propertyIgnoringCase({ contentType: '', CONTENTTYPE: 'c' }, 'contentType')).toBe('c');
    expect(publishOptions(request({ contentType: '' })).contentType).toBe(DEFAULT_CONTENT_TYPE);
  });
});
