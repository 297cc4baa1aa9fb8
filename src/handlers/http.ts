import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { isUtf8 } from 'node:buffer';
import type { HttpRequest, HttpResponse } from '../api/http-types';

/** The HTTP event shapes served: API Gateway HTTP API and Function URLs (2.0), REST API (1.0). */
export type HttpEvent = APIGatewayProxyEventV2 | APIGatewayProxyEvent;

/** Whether a Lambda event came through API Gateway or a Function URL. */
export function isHttpEvent(event: unknown): event is HttpEvent {
  if (typeof event !== 'object' || event === null) return false;
  const candidate = event as Partial<APIGatewayProxyEventV2 & APIGatewayProxyEvent>;
  return (
    typeof candidate.requestContext === 'object' &&
    (candidate.rawPath !== undefined || candidate.httpMethod !== undefined)
  );
}

function isV2(event: HttpEvent): event is APIGatewayProxyEventV2 {
  return (event as APIGatewayProxyEventV2).version === '2.0' || 'rawPath' in event;
}

function lowerCaseHeaders(headers: Record<string, string | undefined> | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name.toLowerCase()] = value;
  }
  return result;
}

/** A named stage (not `$default`) prefixes the raw path with `/<stage>`; the API lives below it. */
function stripStage(path: string, stage: string | undefined): string {
  if (!stage || stage === '$default') return path;
  const prefix = `/${stage}`;
  return path === prefix || path.startsWith(`${prefix}/`) ? path.slice(prefix.length) || '/' : path;
}

/** Converts an API Gateway or Function URL event into a transport-neutral request. */
export function toHttpRequest(event: HttpEvent): HttpRequest {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (isV2(event)) {
    return {
      method: event.requestContext.http.method,
      rawPath: stripStage(event.rawPath, event.requestContext.stage),
      // HTTP API and Function URLs already deliver header names in lower case.
      headers: event.headers ?? {},
      body,
    };
  }
  return { method: event.httpMethod, rawPath: event.path, headers: lowerCaseHeaders(event.headers), body };
}

/** Converts a response to API Gateway's result shape; bytes that are not UTF-8 travel base64-encoded. */
export function toHttpResult(response: HttpResponse): APIGatewayProxyStructuredResultV2 & APIGatewayProxyResult {
  const text = isUtf8(response.body);
  return {
    statusCode: response.status,
    headers: response.headers,
    body: text ? response.body.toString('utf8') : response.body.toString('base64'),
    isBase64Encoded: !text,
  };
}
