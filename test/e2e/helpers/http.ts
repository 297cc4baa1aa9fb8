/** A response read in full: status, lower-cased headers, body text. */
export interface TextResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request and reads the whole body as text. */
export async function request(
  url: string,
  init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<TextResponse> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: init.headers,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** POSTs (or PUTs) a JSON value as `application/json`, the way the README's quick start does. */
export function sendJson(
  url: string,
  body: unknown,
  method = 'POST',
  headers: Record<string, string> = {},
): Promise<TextResponse> {
  return request(url, {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A Dapr error body `{errorCode, message}` parsed from a response. */
export function daprError(response: TextResponse): { errorCode: string; message: string } {
  return JSON.parse(response.text) as { errorCode: string; message: string };
}
