import {
  canonicalHeaderKey,
  goOp,
  joinUnderBase,
  methodOf,
  requestHeaders,
  responseMetadata,
} from '../../../../src/bindings/http/request';
import { baseUrlProblem, isTruthy } from '../../../../src/bindings/http/spec';

describe('http binding: joinUnderBase', () => {
  const base = 'http://api.example:8080/v1/';

  it.each([
    ['', 'http://api.example:8080/v1/'],
    ['users', 'http://api.example:8080/v1/users'],
    ['/users/42', 'http://api.example:8080/v1/users/42'],
    ['users/../orders', 'http://api.example:8080/v1/users/../orders'],
    ['users?id=1&x=/y', 'http://api.example:8080/v1/users?id=1&x=/y'],
    ['./a', 'http://api.example:8080/v1/./a'],
    ['a/..', 'http://api.example:8080/v1/a/..'],
  ])('joins %j as daprd does', (path, url) => {
    expect(joinUnderBase(base, path)).toEqual({ url });
  });

  it('joins under a base without a path or trailing slash', () => {
    expect(joinUnderBase('http://h:1', 'x')).toEqual({ url: 'http://h:1/x' });
    expect(joinUnderBase('http://h:1/api', '/x')).toEqual({ url: 'http://h:1/api/x' });
  });

  it.each([
    '//evil.example',
    '//evil.example/x',
    '..',
    '../v2',
    'a/../../v2',
    '/../x',
    './../x',
    'http://evil.example/',
    'https:evil.example',
    'mailto:x@y',
    'a\\..\\..\\x',
    '\\\\evil.example',
    '%2e%2e/x',
    '%2E%2E%2fx',
    'a%2f..%2f..',
    '%5c%5cevil',
    '%252e%252e/x',
    'a/b%00',
    'a\nb',
    'x/http://evil',
  ])('refuses %j', (path) => {
    const result = joinUnderBase(base, path);
    expect(result).toHaveProperty('problem');
    expect((result as { problem: string }).problem).toContain('invalid path');
  });

  it('stays within a base path that is a prefix of a sibling', () => {
    expect(joinUnderBase('http://h/api', '../apiary')).toHaveProperty('problem');
  });
});

describe('http binding: methodOf', () => {
  it.each([
    ['create', 'POST', true],
    ['post', 'POST', true],
    ['put', 'PUT', true],
    ['patch', 'PATCH', true],
    ['get', 'GET', false],
    ['head', 'HEAD', false],
    ['delete', 'DELETE', false],
    ['options', 'OPTIONS', false],
    ['trace', 'TRACE', false],
  ])('%s → %s (body %s)', (operation, method, hasBody) => {
    expect(methodOf(operation)).toEqual({ method, hasBody });
  });
});

describe('http binding: requestHeaders', () => {
  it('defaults Content-Type for body methods and Accept always', () => {
    expect(requestHeaders({}, true)).toEqual({
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json; charset=utf-8' },
    });
    expect(requestHeaders({}, false)).toEqual({ headers: { Accept: 'application/json; charset=utf-8' } });
  });

  it('sends upper-case keys as headers, not lower-case ones; overrides defaults', () => {
    const result = requestHeaders(
      { 'Content-Type': 'text/plain', Accept: '*/*', 'X-Custom': 'v', path: '/p', errorIfNot2XX: 'false', lower: 'x' },
      true,
    );
    expect(result).toEqual({ headers: { 'Content-Type': 'text/plain', Accept: '*/*', 'X-Custom': 'v' } });
  });

  it('a differently spelled key does not suppress the default but overrides it (Header.Set)', () => {
    expect(requestHeaders({ 'CONTENT-TYPE': 'text/plain' }, true)).toEqual({
      headers: { 'Content-Type': 'text/plain', Accept: 'application/json; charset=utf-8' },
    });
  });

  it('sets the security token, and a metadata header can override it', () => {
    expect(requestHeaders({}, false, { header: 'X-Token', value: 's3cret' })).toEqual({
      headers: { Accept: 'application/json; charset=utf-8', 'X-Token': 's3cret' },
    });
    expect(requestHeaders({}, false, { header: 'X-Token' })).toEqual({
      headers: { Accept: 'application/json; charset=utf-8' },
    });
  });

  it('forwards non-empty traceparent, tracestate and baggage over custom ones', () => {
    const result = requestHeaders(
      { traceparent: '00-abc-def-01', Traceparent: 'custom', tracestate: '', baggage: 'k=v' },
      false,
    );
    expect(result).toEqual({
      headers: { Accept: 'application/json; charset=utf-8', Traceparent: '00-abc-def-01', Baggage: 'k=v' },
    });
  });

  it('leaves Host and Content-Length to the transport', () => {
    expect(requestHeaders({ Host: 'evil.example', 'Content-Length': '1' }, false)).toEqual({
      headers: { Accept: 'application/json; charset=utf-8' },
    });
  });

  it('refuses invalid names and values', () => {
    expect(requestHeaders({ 'Bad Name': 'x' }, false)).toHaveProperty('problem');
    expect(requestHeaders({ 'X-A': 'a\r\nInjected: 1' }, false)).toHaveProperty('problem');
  });
});

describe('http binding: response metadata', () => {
  it('maps status, canonical header names and joined values as daprd', () => {
    expect(
      responseMetadata(
        404,
        'Not Found',
        [
          ['content-type', 'text/plain'],
          ['x-multi', 'a, b'],
          ['set-cookie', 'ignored'],
        ],
        ['a=1', 'b=2'],
      ),
    ).toEqual({
      statusCode: '404',
      status: '404 Not Found',
      'Content-Type': 'text/plain',
      'X-Multi': 'a, b',
      'Set-Cookie': 'a=1, b=2',
    });
    expect(responseMetadata(200, '', [])).toEqual({ statusCode: '200', status: '200' });
  });

  it('canonicalHeaderKey follows Go', () => {
    expect(canonicalHeaderKey('x-request-id')).toBe('X-Request-Id');
    expect(canonicalHeaderKey('ETAG')).toBe('Etag');
    expect(canonicalHeaderKey('bad key')).toBe('bad key');
  });

  it('goOp', () => {
    expect(goOp('POST')).toBe('Post');
  });
});

describe('http binding: component helpers', () => {
  it('isTruthy follows kit/strings', () => {
    for (const v of ['1', 'true', 'T', 'yes', 'Y', 'on', ' TRUE ']) expect(isTruthy(v)).toBe(true);
    for (const v of ['0', 'false', 'no', 'off', 'x', '']) expect(isTruthy(v)).toBe(false);
  });

  it('baseUrlProblem', () => {
    expect(baseUrlProblem('http://h:1/api')).toBeUndefined();
    expect(baseUrlProblem('https://h')).toBeUndefined();
    expect(baseUrlProblem('ftp://h')).toBeDefined();
    expect(baseUrlProblem('h/api')).toBeDefined();
    expect(baseUrlProblem('http://h/?q=1')).toBeDefined();
  });
});
