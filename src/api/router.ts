import type { BindingsRuntime } from '../runtime/bindings-runtime';
import { describeError, type Logger } from '../runtime/logger';
import { tokenMatches } from './auth';
import { validateBaggage } from './baggage';
import { DaprError, RouteNotFoundError } from './errors';
import type { HttpRequest, HttpResponse } from './http-types';
import { parseOutputBindingBody } from './parse-body';
import { matchRoute, type Route } from './paths';
import { respondEmpty, respondUnauthorized, respondWithError, respondWithJson, respondWithResult } from './respond';

/** What the router needs besides the request: the runtime, the token (if any), a logger and the time left. */
export interface RouterContext {
  runtime: BindingsRuntime;
  apiToken?: string;
  logger: Logger;
  remainingMs?: number;
}

// Trace context a caller sends is forwarded as binding metadata, as daprd does with tracing on.
const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

function requestMetadata(request: HttpRequest, bodyMetadata: Record<string, string>): Record<string, string> {
  const metadata = { ...bodyMetadata };
  for (const header of TRACE_HEADERS) {
    const value = request.headers[header];
    if (value) metadata[header] = value;
  }
  const baggage = request.headers.baggage;
  if (baggage) metadata.baggage = validateBaggage(baggage);
  return metadata;
}

async function invokeFromHttp(name: string, request: HttpRequest, context: RouterContext): Promise<HttpResponse> {
  const body = parseOutputBindingBody(request.body);
  const metadata = requestMetadata(request, body.metadata);
  const result = await context.runtime.invokeBinding(
    { name, operation: body.operation, data: body.data, metadata },
    context.remainingMs,
  );
  return respondWithResult(result);
}

function isPublic(route: Route, method: string): boolean {
  return route.kind === 'healthz' && method === 'GET';
}

async function dispatch(route: Route, request: HttpRequest, context: RouterContext): Promise<HttpResponse> {
  const method = request.method.toUpperCase();
  if (route.kind === 'binding' && (method === 'POST' || method === 'PUT')) {
    return invokeFromHttp(route.name, request, context);
  }
  if (route.kind === 'metadata' && method === 'GET') return respondWithJson(200, context.runtime.metadata());
  if (route.kind === 'healthz' && method === 'GET') return respondEmpty();
  // daprd sends everything else to service invocation, which answers 404 without an app ID.
  throw new RouteNotFoundError();
}

/** Serves one HTTP request with daprd's semantics; never throws. */
export async function handleHttpRequest(request: HttpRequest, context: RouterContext): Promise<HttpResponse> {
  const route = matchRoute(request.rawPath);
  if (context.apiToken && !isPublic(route, request.method.toUpperCase())) {
    if (!tokenMatches(context.apiToken, request.headers['dapr-api-token'])) {
      context.logger.warn('rejected a request with a missing or wrong dapr-api-token', { method: request.method });
      return respondUnauthorized();
    }
  }
  try {
    return await dispatch(route, request, context);
  } catch (error) {
    if (error instanceof DaprError) {
      context.logger.warn('request failed', {
        route: route.kind,
        ...(route.kind === 'binding' ? { component: route.name } : {}),
        status: error.status,
        errorCode: error.code,
        ...describeError(error),
      });
      return respondWithError(error);
    }
    context.logger.error('unexpected error', describeError(error));
    return respondWithError(new DaprError('ERR_INTERNAL', 500, 'internal error'));
  }
}
