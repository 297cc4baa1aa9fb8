import type { BundledComponent } from '../../../src/components/types';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { TargetServer } from '../../support/http-target';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';

function httpComponent(name: string, url: string, extra: Record<string, string> = {}): BundledComponent {
  return {
    name,
    type: 'bindings.http',
    version: 'v1',
    initTimeoutMs: 5_000,
    metadata: Object.entries({ url, ...extra }).map(([key, value]) => ({ name: key, value })),
    source: 'test',
  };
}

describe('http binding against a local server, through the router', () => {
  let target: TargetServer;
  let runtime: BindingsRuntime;

  beforeEach(async () => {
    target = new TargetServer();
    await target.start();
    const base = `http://127.0.0.1:${target.port}/api/`;
    runtime = realRuntime([
      httpComponent('web', base),
      httpComponent('lenient', base, { errorIfNot2XX: 'false' }),
      httpComponent('tokened', base, { securityToken: 's3cret', securityTokenHeader: 'X-Token' }),
      httpComponent('small', base, { maxResponseBodySize: '4' }),
      httpComponent('quick', base, { responseTimeout: '200ms' }),
    ]);
  });

  afterEach(async () => {
    await runtime.close();
    await target.stop();
  });

  it.each([
    ['create', 'POST'],
    ['post', 'POST'],
    ['put', 'PUT'],
    ['patch', 'PATCH'],
  ])('%s sends %s with the data bytes verbatim and the default headers', async (operation, method) => {
    const response = await post(runtime, 'web', { operation, data: { a: 'x"y', n: 1 }, metadata: { path: 'items/7' } });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('ok');
    const [request] = target.requests;
    expect(request!.method).toBe(method);
    expect(request!.url).toBe('/api/items/7');
    expect(request!.body.toString()).toBe('{"a":"x\\"y","n":1}');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers.accept).toBe('application/json; charset=utf-8');
  });

  it('a string is sent with its JSON quotes (no unquote)', async () => {
    await post(runtime, 'web', { operation: 'post', data: 'hello' });
    expect(target.requests[0]!.body.toString()).toBe('"hello"');
    expect(target.requests[0]!.url).toBe('/api/');
  });

  it.each([
    ['get', 'GET'],
    ['head', 'HEAD'],
    ['delete', 'DELETE'],
    ['options', 'OPTIONS'],
    ['trace', 'TRACE'],
  ])('%s sends %s without a body or Content-Type', async (operation, method) => {
    const response = await post(runtime, 'web', { operation, data: { ignored: true }, metadata: { path: '/x' } });
    expect(response.status).toBe(200);
    const [request] = target.requests;
    expect(request!.method).toBe(method);
    expect(request!.url).toBe('/api/x');
    expect(request!.body.length).toBe(0);
    expect(request!.headers['content-type']).toBeUndefined();
    expect(request!.headers.accept).toBe('application/json; charset=utf-8');
    expect(response.body.toString()).toBe(method === 'HEAD' ? '' : 'ok');
  });

  it('sends upper-case metadata keys as headers, trace headers, and the security token', async () => {
    await post(runtime, 'tokened', {
      operation: 'post',
      data: 1,
      metadata: {
        'Content-Type': 'text/plain',
        'X-Custom': 'v1',
        lowercase: 'not-a-header',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        tracestate: 'k=v',
        baggage: 'b=1',
      },
    });
    const headers = target.requests[0]!.headers;
    expect(headers['content-type']).toBe('text/plain');
    expect(headers['x-custom']).toBe('v1');
    expect(headers.lowercase).toBeUndefined();
    expect(headers['x-token']).toBe('s3cret');
    expect(headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(headers.tracestate).toBe('k=v');
    expect(headers.baggage).toBe('b=1');
  });

  it('returns the status and every response header as metadata', async () => {
    target.handler = (_req, res) => {
      res.setHeader('X-Multi', ['a', 'b']);
      res.setHeader('Set-Cookie', ['c=1', 'd=2']);
      res.statusCode = 201;
      res.end('made');
    };
    const response = await post(runtime, 'web', { operation: 'post', data: {} });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('made');
    expect(response.headers['metadata.statusCode']).toBe('201');
    expect(response.headers['metadata.status']).toBe('201 Created');
    expect(response.headers['metadata.X-Multi']).toBe('a, b');
    expect(response.headers['metadata.Set-Cookie']).toBe('c=1, d=2');
  });

  it('a non-2xx answer is a 500 with metadata.statusCode; the driver stays usable', async () => {
    target.handler = (_req, res) => {
      res.statusCode = 404;
      res.end('nope');
    };
    const response = await post(runtime, 'web', { operation: 'get', metadata: { path: 'missing' } });
    expect(response.status).toBe(500);
    expect(errorOf(response)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: 'error invoking output binding web: received status code 404',
    });
    expect(response.headers['metadata.statusCode']).toBe('404');
    expect(response.headers['metadata.status']).toBe('404 Not Found');

    const overridden = await post(runtime, 'web', { operation: 'get', metadata: { errorIfNot2XX: 'false' } });
    expect(overridden.status).toBe(200);
    expect(overridden.body.toString()).toBe('nope');
    expect(overridden.headers['metadata.statusCode']).toBe('404');
  });

  it('errorIfNot2XX false on the component, overridable per request', async () => {
    target.handler = (_req, res) => {
      res.statusCode = 503;
      res.end('busy');
    };
    const lenient = await post(runtime, 'lenient', { operation: 'get' });
    expect(lenient.status).toBe(200);
    expect(lenient.body.toString()).toBe('busy');
    expect(lenient.headers['metadata.statusCode']).toBe('503');
    const strict = await post(runtime, 'lenient', { operation: 'get', metadata: { errorIfNot2XX: 'true' } });
    expect(strict.status).toBe(500);
    expect(errorOf(strict).message).toBe('error invoking output binding lenient: received status code 503');
  });

  it('cuts the response body at maxResponseBodySize', async () => {
    target.handler = (_req, res) => res.end('0123456789');
    const response = await post(runtime, 'small', { operation: 'get' });
    expect(response.body.toString()).toBe('0123');
  });

  it('bounds the call by responseTimeout', async () => {
    target.handler = (_req, res) => setTimeout(() => res.end('late'), 2_000).unref();
    const response = await post(runtime, 'quick', { operation: 'get' });
    expect(response.status).toBe(500);
    expect(errorOf(response).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
  });

  it.each([
    '//evil.example/x',
    '../escape',
    'a/../../escape',
    'http://evil.example/',
    '..\\escape',
    '%2e%2e/escape',
    '%2e%2e%2fescape',
  ])('refuses path %j and sends nothing', async (path) => {
    const response = await post(runtime, 'web', { operation: 'get', metadata: { path } });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toContain('invalid path');
    expect(target.requests).toHaveLength(0);
  });

  it('refuses a header injection and sends nothing', async () => {
    const response = await post(runtime, 'web', { operation: 'get', metadata: { 'X-A': 'a\r\nX-B: b' } });
    expect(response.status).toBe(500);
    expect(target.requests).toHaveLength(0);
  });

  it('a stopped server gives a Dapr error; once restarted the next call succeeds', async () => {
    const port = target.port;
    await target.stop();
    const down = await post(runtime, 'web', { operation: 'get' });
    expect(down.status).toBe(500);
    expect(errorOf(down)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding web: Get "http://127.0.0.1:${port}/api/": dial tcp 127.0.0.1:${port}: connect: connection refused`,
    });
    await target.start(port);
    const up = await post(runtime, 'web', { operation: 'get' });
    expect(up.status).toBe(200);
    expect(up.body.toString()).toBe('ok');
  });
});
