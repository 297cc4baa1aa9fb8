import { handleHttpRequest } from '../../../src/api/router';
import type { HttpRequest } from '../../../src/api/http-types';
import { createLogger } from '../../../src/runtime/logger';
import { FakeBackend, fakeComponent, fakeRuntime } from '../../support/fake-binding';

const logger = createLogger({}, 'silent');

function request(method: string, rawPath: string, body = '', headers: Record<string, string> = {}): HttpRequest {
  return { method, rawPath, headers, body: Buffer.from(body) };
}

describe('handleHttpRequest', () => {
  let backend: FakeBackend;
  let serve: (req: HttpRequest, apiToken?: string) => ReturnType<typeof handleHttpRequest>;

  beforeEach(() => {
    backend = new FakeBackend();
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    serve = (req, apiToken) => handleHttpRequest(req, { runtime, apiToken, logger });
  });

  it('answers 204 with no body and no content type when the driver returns nothing', async () => {
    const response = await serve(
      request('POST', '/v1.0/bindings/orders', '{"operation":"create","data":{"b":1,"a":2}}'),
    );
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(response.headers['content-type']).toBeUndefined();
    expect(backend.calls[0]!.data.toString()).toBe('{"a":2,"b":1}');
  });

  it('treats PUT like POST and serves the short /bindings path', async () => {
    expect((await serve(request('PUT', '/v1.0/bindings/orders', '{"operation":"create"}'))).status).toBe(204);
    expect((await serve(request('POST', '/bindings/orders', '{"operation":"create"}'))).status).toBe(204);
    expect(backend.calls.map((c) => c.data.toString())).toEqual(['null', 'null']);
  });

  it('tolerates a trailing slash and doubled slashes', async () => {
    expect((await serve(request('POST', '//v1.0//bindings/orders/', '{"operation":"create"}'))).status).toBe(204);
  });

  it('answers 200 application/json with the driver bytes and metadata headers', async () => {
    backend.behaviour = async () => ({
      data: Buffer.from('raw bytes'),
      metadata: { statusCode: '201', 'bad name': 'x' },
    });
    const response = await serve(request('POST', '/v1.0/bindings/orders', '{"operation":"get"}'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['metadata.statusCode']).toBe('201');
    expect(Object.keys(response.headers)).not.toContain('metadata.bad name');
    expect(response.body.toString()).toBe('raw bytes');
  });

  it('answers 200 with an empty body when the driver returns empty data', async () => {
    backend.behaviour = async () => ({ data: Buffer.alloc(0) });
    const response = await serve(request('POST', '/v1.0/bindings/orders', '{"operation":"get"}'));
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
  });

  it('strips control characters from metadata header values', async () => {
    backend.behaviour = async () => ({ metadata: { note: 'a\r\nInjected: yes' } });
    const response = await serve(request('POST', '/v1.0/bindings/orders', '{"operation":"create"}'));
    expect(response.headers['metadata.note']).toBe('a  Injected: yes');
  });

  it('URL-decodes the name as Go QueryUnescape does', async () => {
    const response = await serve(request('POST', '/v1.0/bindings/my+orders%21', '{"operation":"create"}'));
    expect(JSON.parse(response.body.toString())).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: "error invoking output binding my orders!: couldn't find output binding my orders!",
    });
  });

  it.each(['GET', 'DELETE', 'PATCH'])('answers %s on a bindings path with 404 ERR_DIRECT_INVOKE', async (method) => {
    const response = await serve(request(method, '/v1.0/bindings/orders'));
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body.toString()).errorCode).toBe('ERR_DIRECT_INVOKE');
    expect(backend.calls).toHaveLength(0);
  });

  it('answers unknown routes with 404 ERR_DIRECT_INVOKE', async () => {
    expect((await serve(request('POST', '/v1.0/state/x', '{}'))).status).toBe(404);
  });

  it('serves the metadata document and health', async () => {
    const metadata = await serve(request('GET', '/v1.0/metadata'));
    expect(metadata.status).toBe(200);
    expect(JSON.parse(metadata.body.toString())).toMatchObject({
      id: 'test-app',
      components: [{ name: 'orders', type: 'bindings.fake', version: 'v1', capabilities: ['OUTPUT_BINDING'] }],
    });
    expect((await serve(request('GET', '/v1.0/healthz'))).status).toBe(204);
    expect((await serve(request('GET', '/v1.0/healthz/outbound'))).status).toBe(204);
  });

  it('answers a malformed body with 400 and reaches no driver', async () => {
    const response = await serve(request('POST', '/v1.0/bindings/orders', '{"operation":'));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/json');
    expect(backend.created).toBe(0);
  });

  describe('with DAPR_API_TOKEN', () => {
    it('refuses a missing or wrong token with daprd plain-text 401', async () => {
      for (const headers of [{}, { 'dapr-api-token': 'wrong' }, { 'dapr-api-token': 'secret ' }] as Record<
        string,
        string
      >[]) {
        const response = await serve(
          request('POST', '/v1.0/bindings/orders', '{"operation":"create"}', headers),
          'secret',
        );
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(response.body.toString()).toBe('invalid api token\n');
      }
      expect(backend.calls).toHaveLength(0);
    });

    it('accepts the right token', async () => {
      const headers = { 'dapr-api-token': 'secret' };
      expect(
        (await serve(request('POST', '/v1.0/bindings/orders', '{"operation":"create"}', headers), 'secret')).status,
      ).toBe(204);
    });

    it('guards the metadata route and the 404 fallback but not health', async () => {
      expect((await serve(request('GET', '/v1.0/metadata'), 'secret')).status).toBe(401);
      expect((await serve(request('GET', '/nowhere'), 'secret')).status).toBe(401);
      expect((await serve(request('GET', '/v1.0/healthz'), 'secret')).status).toBe(204);
    });
  });

  describe('trace context', () => {
    it('forwards traceparent, tracestate and a valid baggage header as metadata', async () => {
      const headers = {
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        tracestate: 'x=1',
        baggage: 'a=1,b=2;p',
      };
      await serve(
        request('POST', '/v1.0/bindings/orders', '{"operation":"create","metadata":{"traceparent":"caller"}}', headers),
      );
      expect(backend.calls[0]!.metadata).toEqual({ ...headers });
    });

    it('refuses an invalid baggage header with 400 and calls nothing', async () => {
      const response = await serve(
        request('POST', '/v1.0/bindings/orders', '{"operation":"create"}', { baggage: 'no-equals-sign' }),
      );
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body.toString()).message).toMatch(/^invalid baggage header: /);
      expect(backend.calls).toHaveLength(0);
    });
  });
});
