import { baseUrl } from './helpers/environment';
import { request } from './helpers/http';

jest.setTimeout(60_000);

describe('GET /v1.0/metadata', () => {
  it('answers 200 JSON with the app id and the checkout output binding', async () => {
    const response = await request(`${baseUrl()}/v1.0/metadata`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = JSON.parse(response.text) as { id: unknown; components: unknown[] };
    expect(typeof document.id).toBe('string');
    expect(document.id).not.toBe('');
    expect(document.components).toContainEqual({
      name: 'checkout',
      type: 'bindings.kafka',
      version: 'v1',
      capabilities: ['OUTPUT_BINDING'],
    });
  });

  it('answers with a non-empty body, which the Dapr SDK requires before its first call', async () => {
    const response = await request(`${baseUrl()}/v1.0/metadata`);
    expect(response.status).toBe(200);
    expect(response.text.length).toBeGreaterThan(0);
  });
});

describe('GET /v1.0/healthz', () => {
  it('answers 204 with an empty body', async () => {
    const response = await request(`${baseUrl()}/v1.0/healthz`);
    expect({ status: response.status, body: response.text }).toEqual({ status: 204, body: '' });
  });

  it('answers 204 on /v1.0/healthz/outbound too', async () => {
    const response = await request(`${baseUrl()}/v1.0/healthz/outbound`);
    expect({ status: response.status, body: response.text }).toEqual({ status: 204, body: '' });
  });
});
