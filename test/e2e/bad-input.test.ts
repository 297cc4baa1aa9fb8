import { topicEndOffset } from '../support/kafka';
import { baseUrl } from './helpers/environment';
import { daprError, request, sendJson, type TextResponse } from './helpers/http';
import { ensureTopic, SAMPLE_TOPIC } from './helpers/records';

jest.setTimeout(60_000);

let endOffsetBefore = 0;

// Recorded by this file, after the files before it (one at a time, --runInBand) wrote to the shared topic.
beforeAll(async () => {
  await ensureTopic(SAMPLE_TOPIC);
  endOffsetBefore = await topicEndOffset(SAMPLE_TOPIC);
}, 60_000);

const bindingUrl = (name = 'checkout') => `${baseUrl()}/v1.0/bindings/${name}`;
const post = (body: string | Buffer, name?: string) =>
  request(bindingUrl(name), { method: 'POST', body, headers: { 'content-type': 'application/json' } });

/** The status and parsed Dapr error body of a response, for one `toEqual`. */
function outcome(response: TextResponse): { status: number; errorCode: string; message: string } {
  return { status: response.status, ...daprError(response) };
}

const malformed = (detail: string) => ({
  status: 400,
  errorCode: 'ERR_MALFORMED_REQUEST',
  message: `failed deserializing HTTP body: ${detail}`,
});
const invokeFailed = (name: string, detail: string) => ({
  status: 500,
  errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
  message: `error invoking output binding ${name}: ${detail}`,
});

// The tests below run in order; the last one checks that none of them reached Kafka.
describe('bad input over HTTP', () => {
  it('answers malformed JSON with 400 ERR_MALFORMED_REQUEST "failed deserializing HTTP body: …"', async () => {
    const response = await post('{"operation": "create", "data": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = daprError(response);
    expect(body.errorCode).toBe('ERR_MALFORMED_REQUEST');
    expect(body.message.startsWith('failed deserializing HTTP body: ')).toBe(true);
    expect(Object.keys(body)).toEqual(['errorCode', 'message']);
  });

  it('answers text that is not JSON at all with 400 ERR_MALFORMED_REQUEST', async () => {
    const body = daprError(await post('not json'));
    expect(body.errorCode).toBe('ERR_MALFORMED_REQUEST');
    expect(body.message.startsWith('failed deserializing HTTP body: ')).toBe(true);
  });

  it("answers a JSON string literal as the whole body with 400 and Go's unmarshal message", async () => {
    // Sent as text/plain (daprd ignores Content-Type): with application/json, serverless-offline itself
    // JSON-parses the body and hands the function the unquoted string, which API Gateway would not do.
    const response = await request(bindingUrl(), {
      method: 'POST',
      body: '"hello"',
      headers: { 'content-type': 'text/plain' },
    });
    expect(outcome(response)).toEqual(
      malformed('json: cannot unmarshal string into Go value of type http.OutputBindingRequest'),
    );
  });

  it('answers a JSON string literal sent as application/json with 400 ERR_MALFORMED_REQUEST', async () => {
    expect(outcome(await post('"hello"'))).toMatchObject({ status: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
  });

  it("answers an operation that is a number with 400 and Go's unmarshal message", async () => {
    expect(outcome(await post('{"operation":1}'))).toEqual(
      malformed('json: cannot unmarshal number into Go struct field OutputBindingRequest.operation of type string'),
    );
  });

  it('answers metadata {"n":1} with 400', async () => {
    expect(outcome(await post('{"operation":"create","metadata":{"n":1}}'))).toEqual(
      malformed('json: cannot unmarshal number into Go struct field OutputBindingRequest.metadata of type string'),
    );
  });

  it('answers an empty body with 400 "failed deserializing HTTP body: EOF"', async () => {
    expect(outcome(await request(bindingUrl(), { method: 'POST' }))).toEqual(malformed('EOF'));
  });

  it('answers a valid JSON body over 4 MiB with 400 "stream too large"', async () => {
    const size = 4 * 1024 * 1024 + 100;
    const head = '{"operation":"create","data":"';
    const tail = '"}';
    const body = Buffer.from(head + 'x'.repeat(size - head.length - tail.length) + tail);
    expect(body.length).toBe(size);
    expect(() => JSON.parse(body.toString('utf8')) as unknown).not.toThrow();
    const result = outcome(await post(body));
    expect(result).toMatchObject({ status: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect(result.message).toContain('stream too large');
  });

  it("answers an unknown binding with exactly daprd's 500 body", async () => {
    const response = await sendJson(bindingUrl('nope'), { operation: 'create', data: { orderId: 1 } });
    expect(response.status).toBe(500);
    expect(response.text).toBe(
      '{"errorCode":"ERR_INVOKE_OUTPUT_BINDING","message":"error invoking output binding nope: couldn\'t find output binding nope"}',
    );
  });

  it('answers a missing operation with 500 "operation field is missing from request"', async () => {
    expect(outcome(await sendJson(bindingUrl(), { data: { orderId: 1 } }))).toEqual(
      invokeFailed('checkout', 'operation field is missing from request'),
    );
  });

  it('answers the unsupported operation get with 500 and the supported list', async () => {
    expect(outcome(await sendJson(bindingUrl(), { operation: 'get', data: { orderId: 1 } }))).toEqual(
      invokeFailed('checkout', 'binding checkout does not support operation get. supported operations:create'),
    );
  });

  it('answers the wrong-case operation Create with 500 (operations match case-sensitively)', async () => {
    expect(outcome(await sendJson(bindingUrl(), { operation: 'Create', data: { orderId: 1 } }))).toEqual(
      invokeFailed('checkout', 'binding checkout does not support operation Create. supported operations:create'),
    );
  });

  it.each(['GET', 'DELETE'])('answers %s on the bindings path with 404 ERR_DIRECT_INVOKE', async (method) => {
    expect(outcome(await request(bindingUrl(), { method }))).toEqual({
      status: 404,
      errorCode: 'ERR_DIRECT_INVOKE',
      message: 'failed getting app id either from the URL path or the header dapr-app-id',
    });
  });

  it.each([
    ['%3Cscript%3E', '<script>'],
    ['..%2F..%2Fetc', '../../etc'],
    ['%27%22%3B--', '\'";--'],
  ])('answers the hostile name %s with 500 "couldn\'t find output binding"', async (raw, decoded) => {
    expect(outcome(await sendJson(bindingUrl(raw), { operation: 'create', data: 1 }))).toEqual(
      invokeFailed(decoded, `couldn't find output binding ${decoded}`),
    );
  });

  it('still answers after the hostile names', async () => {
    expect((await request(`${baseUrl()}/v1.0/healthz`)).status).toBe(204);
    expect((await request(`${baseUrl()}/v1.0/metadata`)).status).toBe(200);
  });

  it('lets none of the bad requests above reach Kafka', async () => {
    // A short settle, so a write still in flight would show in the end offset.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await topicEndOffset(SAMPLE_TOPIC)).toBe(endOffsetBefore);
  });

  it('still writes a valid request afterwards, as the one record added since the start', async () => {
    const response = await sendJson(bindingUrl(), { operation: 'create', data: { after: 'bad-input' } });
    expect(response.status).toBe(204);
    expect(await topicEndOffset(SAMPLE_TOPIC)).toBe(endOffsetBefore + 1);
  });
});
