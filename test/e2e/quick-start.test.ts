import { randomUUID } from 'node:crypto';
import { baseUrl } from './helpers/environment';
import { sendJson } from './helpers/http';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

const tap = useSampleTap();

/** Sends the README's quick-start body to `path` and checks the answer and the record it produced. */
async function quickStart(path: string, method = 'POST'): Promise<void> {
  const orderId = randomUUID();
  const response = await sendJson(`${baseUrl()}${path}`, { data: { orderId }, operation: 'create' }, method);
  expect({ status: response.status, body: response.text }).toEqual({ status: 204, body: '' });
  expect(response.headers.get('metadata.partition')).toMatch(/^\d+$/);
  expect(response.headers.get('metadata.offset')).toMatch(/^\d+$/);
  const record = await tap().waitForValue(`{"orderId":"${orderId}"}`);
  expect(record.partition).toBe(Number(response.headers.get('metadata.partition')));
  expect(record.offset).toBe(response.headers.get('metadata.offset'));
}

describe('POST /v1.0/bindings/{name} (README quick start)', () => {
  it('answers 204 with no body and puts {"orderId":…} on topic sample at the offset it reports', async () => {
    await quickStart('/v1.0/bindings/checkout');
  });

  it('does the same for PUT', async () => {
    await quickStart('/v1.0/bindings/checkout', 'PUT');
  });

  it('serves the short path /bindings/{name}', async () => {
    await quickStart('/bindings/checkout');
  });

  it('tolerates a trailing slash', async () => {
    await quickStart('/v1.0/bindings/checkout/');
  });

  it('tolerates doubled slashes', async () => {
    await quickStart('//v1.0//bindings//checkout');
  });
});
