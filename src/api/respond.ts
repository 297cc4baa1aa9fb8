import type { InvokeResponse } from '../bindings/driver';
import { DaprError, InvokeBindingError } from './errors';
import type { HttpResponse } from './http-types';

const JSON_TYPE = 'application/json';
const EMPTY = Buffer.alloc(0);

// Header names must be RFC 7230 tokens; values may not hold control characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** daprd's `metadata.<key>` response headers; keys that cannot be header names are left out. */
function metadataHeaders(metadata: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) {
    const name = `metadata.${key}`;
    if (!TOKEN.test(name)) continue;
    headers[name] = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  }
  return headers;
}

/** 204 when the driver returned no data, otherwise 200 with the bytes as `application/json` (daprd always says so). */
export function respondWithResult(result: InvokeResponse): HttpResponse {
  const headers = metadataHeaders(result.metadata);
  if (result.data === undefined) return { status: 204, headers, body: EMPTY };
  return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body: result.data };
}

/** daprd's compact `{"errorCode","message"}` body, with any response metadata a failing driver returned. */
export function respondWithError(error: DaprError): HttpResponse {
  const metadata = error instanceof InvokeBindingError ? error.responseMetadata : undefined;
  return {
    status: error.status,
    headers: { ...metadataHeaders(metadata), 'content-type': JSON_TYPE },
    body: Buffer.from(JSON.stringify({ errorCode: error.code, message: error.message })),
  };
}

/** A JSON document with status 200. */
export function respondWithJson(status: number, value: unknown): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(JSON.stringify(value)) };
}

/** daprd's plain-text 401 for a missing or wrong `dapr-api-token`. */
export function respondUnauthorized(): HttpResponse {
  return {
    status: 401,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: Buffer.from('invalid api token\n'),
  };
}

/** An empty 204, for the health routes. */
export function respondEmpty(): HttpResponse {
  return { status: 204, headers: {}, body: EMPTY };
}
