import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isHttpEvent, toHttpRequest, toHttpResult } from '../../../src/handlers/http';
import v2Event from '../../fixtures/events/http-api-v2.json';
import v1Event from '../../fixtures/events/rest-api-v1.json';

describe('HTTP event conversion', () => {
  it('recognises API Gateway v1, v2 and Function URL events, and not direct invokes', () => {
    expect(isHttpEvent(v2Event)).toBe(true);
    expect(isHttpEvent(v1Event)).toBe(true);
    expect(isHttpEvent({ name: 'checkout', operation: 'create' })).toBe(false);
    expect(isHttpEvent([{ name: 'x' }])).toBe(false);
    expect(isHttpEvent(null)).toBe(false);
    expect(isHttpEvent('requestContext')).toBe(false);
  });

  it('decodes a base64 HTTP API (2.0) body and keeps the raw path', () => {
    const request = toHttpRequest(v2Event as unknown as APIGatewayProxyEventV2);
    expect(request.method).toBe('POST');
    expect(request.rawPath).toBe('/v1.0/bindings/checkout');
    expect(request.body.toString()).toBe('{ "data": { "orderId": "100" }, "operation": "create" }');
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('strips a named stage from a 2.0 raw path', () => {
    const staged = {
      ...v2Event,
      rawPath: '/prod/v1.0/bindings/checkout',
      requestContext: { ...v2Event.requestContext, stage: 'prod' },
    };
    expect(toHttpRequest(staged as unknown as APIGatewayProxyEventV2).rawPath).toBe('/v1.0/bindings/checkout');
  });

  it('reads a REST API (1.0) event with lower-cased headers', () => {
    const request = toHttpRequest(v1Event as never);
    expect(request).toMatchObject({ method: 'PUT', rawPath: '/bindings/checkout' });
    expect(request.headers['dapr-api-token']).toBe('s3cret');
    expect(request.body.toString()).toBe('{"operation":"create","data":"hi"}');
  });

  it('treats a missing body as empty', () => {
    expect(toHttpRequest({ ...v2Event, body: undefined } as unknown as APIGatewayProxyEventV2).body.length).toBe(0);
  });

  it('returns UTF-8 bodies as text and other bytes base64-encoded', () => {
    expect(toHttpResult({ status: 200, headers: {}, body: Buffer.from('{"a":"é"}') })).toEqual({
      statusCode: 200,
      headers: {},
      body: '{"a":"é"}',
      isBase64Encoded: false,
    });
    expect(toHttpResult({ status: 200, headers: {}, body: Buffer.from([0xff, 0x00]) })).toMatchObject({
      body: '/wA=',
      isBase64Encoded: true,
    });
  });
});
