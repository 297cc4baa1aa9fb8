import { randomUUID } from 'node:crypto';
import { baseUrl } from './helpers/environment';
import { request, sendJson } from './helpers/http';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

const tap = useSampleTap();
const url = () => `${baseUrl()}/v1.0/bindings/checkout`;

describe('data re-encoding (Go json.Marshal), end to end', () => {
  it('sorts keys, drops whitespace and HTML-escapes <, > and & byte for byte', async () => {
    const marker = randomUUID();
    // Sent as raw text so the spacing and key order the server sees are exactly these.
    const body = `{ "operation": "create", "data": { "b": 1, "a": "<x&y>", "id": "${marker}" } }`;
    const response = await request(url(), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(204);
    const record = await tap().waitFor((r) => r.value?.includes(marker) ?? false, `holding ${marker}`);
    expect(record.value!.toString('utf8')).toBe(`{"a":"\\u003cx\\u0026y\\u003e","b":1,"id":"${marker}"}`);
  });

  it('sends the exact bytes {"a":"\\u003cx\\u0026y\\u003e","b":1} for data { "b": 1, "a": "<x&y>" }', async () => {
    const marker = randomUUID();
    const body = `{ "operation": "create", "metadata": { "marker": "${marker}" }, "data": { "b": 1, "a": "<x&y>" } }`;
    const response = await request(url(), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.value!.toString('utf8')).toBe('{"a":"\\u003cx\\u0026y\\u003e","b":1}');
  });

  it('keeps the JSON quotes of a string: data "hello" arrives as "hello"', async () => {
    const marker = randomUUID();
    const response = await sendJson(url(), { operation: 'create', data: 'hello', metadata: { marker } });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.value!.toString('utf8')).toBe('"hello"');
  });

  it('sends a tombstone (null value) when data is absent', async () => {
    const marker = randomUUID();
    const response = await sendJson(url(), { operation: 'create', metadata: { marker } });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.value).toBeNull();
  });

  it('sends a tombstone when data is null', async () => {
    const marker = randomUUID();
    const response = await sendJson(url(), { operation: 'create', data: null, metadata: { marker } });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.value).toBeNull();
  });
});

describe('request metadata on the Kafka record', () => {
  it('makes partitionKey the record key and every metadata entry a header', async () => {
    const key = `order-${randomUUID()}`;
    const marker = randomUUID();
    const metadata = { partitionKey: key, marker, 'x-tenant': 'acme', empty: '' };
    const response = await sendJson(url(), { operation: 'create', data: { k: 1 }, metadata });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.key?.toString('utf8')).toBe(key);
    expect(record.headers).toEqual(metadata);
    expect(record.value!.toString('utf8')).toBe('{"k":1}');
  });

  it('leaves the key empty when no partitionKey is given', async () => {
    const marker = randomUUID();
    const response = await sendJson(url(), { operation: 'create', data: 1, metadata: { marker } });
    expect(response.status).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.key).toBeNull();
    expect(record.headers).toEqual({ marker });
  });
});
