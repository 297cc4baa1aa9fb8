/**
 * The text aws-sdk-go-v2 gives a failed call, which daprd's AWS bindings return as they are
 * (`error invoking output binding <name>: operation error SQS: SendMessage, …`).
 */
import { DriverFailureError } from '../api/errors';
import { isAwsServiceError, type AwsServiceError } from './service-error';

/** One SDK call as the Go SDK names it, with the errors its model lists for that operation. */
export interface GoSdkCall {
  /** The Go SDK's service ID: `SQS`, `SNS`. */
  service: string;
  operation: string;
  /** Shape names the operation's model lists: Go decodes them into typed errors, any other into a `GenericAPIError`. */
  modeled: ReadonlySet<string>;
  /** Whether the service has the awsQueryCompatible trait (SQS): its codes come from `x-amzn-query-error`. */
  queryCompatible: boolean;
  /** The URL the request was posted to, for a transport failure's `Post "<url>"`. */
  url: string;
  maxAttempts: number;
}

/** `Code;Type` of the `x-amzn-query-error` header, as the Go SDK's `getAwsQueryErrorCode` reads it. */
function queryErrorCode(error: AwsServiceError): string {
  const response = (error as { $response?: { headers?: Record<string, string> } }).$response;
  const parts = (response?.headers?.['x-amzn-query-error'] ?? '').split(';');
  return parts.length === 2 ? parts[0]! : '';
}

function apiErrorText(call: GoSdkCall, error: AwsServiceError): string {
  const wireCode = (error as { Code?: unknown }).Code;
  if (call.queryCompatible) {
    const override = queryErrorCode(error);
    // Typed: `ErrorCode()` is the header's code when there is one, else the shape name.
    if (call.modeled.has(error.name)) return `${override || error.name}: ${error.message || override || error.name}`;
    return `api error ${override}: ${error.message}`;
  }
  const code = typeof wireCode === 'string' && wireCode !== '' ? wireCode : error.name;
  const text = error.message || code;
  return call.modeled.has(error.name) ? `${code}: ${text}` : `api error ${code}: ${text}`;
}

/** Whether the Go SDK's standard retryer would have retried this failure (and so wrapped its last one). */
function retryable(error: unknown): boolean {
  if (!isAwsServiceError(error)) return true; // a connection that failed or dropped
  const retry = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return (
    error.$fault === 'server' ||
    retry?.throttling === true ||
    [500, 502, 503, 504].includes(error.$metadata.httpStatusCode ?? 0)
  );
}

/** `exceeded maximum number of attempts, N, ` when the SDK gave up after its last attempt. */
function attemptsPrefix(call: GoSdkCall, error: unknown): string {
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
  return attempts >= call.maxAttempts && retryable(error) ? `exceeded maximum number of attempts, ${attempts}, ` : '';
}

/**
 * A Node socket error in Go's `net` wording where the two are known to agree; Node's text otherwise.
 * The SDK's retry wraps an error from another realm (a test sandbox) as `AWS SDK error wrapper for …`.
 */
function goNetText(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(
    /^AWS SDK error wrapper for (?:\w*Error: )?/,
    '',
  );
  const refused = /^connect ECONNREFUSED (.+):(\d+)$/.exec(text);
  if (refused) {
    const host = refused[1]!.includes(':') ? `[${refused[1]}]` : refused[1]!;
    return `dial tcp ${host}:${refused[2]}: connect: connection refused`;
  }
  return text;
}

/** The Go SDK's full text for a failed call: `operation error <Service>: <Op>, …`. */
export function goSdkErrorText(call: GoSdkCall, error: unknown): string {
  const head = `operation error ${call.service}: ${call.operation}, ${attemptsPrefix(call, error)}`;
  if (isAwsServiceError(error)) {
    const { httpStatusCode, requestId } = error.$metadata;
    return `${head}https response error StatusCode: ${httpStatusCode}, RequestID: ${requestId ?? ''}, ${apiErrorText(call, error)}`;
  }
  return `${head}https response error StatusCode: 0, RequestID: , request send failed, Post "${call.url}": ${goNetText(error)}`;
}

/**
 * The error a driver throws for a failed call: AWS's own answer keeps the client (DriverFailureError);
 * anything else (network, timeout, abort) is raw, so the pool rebuilds the driver. Both carry daprd's text.
 */
export function sdkFailure(name: string, call: GoSdkCall, error: unknown): Error {
  const text = goSdkErrorText(call, error);
  if (isAwsServiceError(error)) return new DriverFailureError(name, text, { cause: error });
  return new Error(text, { cause: error });
}

/** The URL the Go SDK posts a JSON or Query request to: the endpoint override's root, or the regional endpoint. */
export function requestUrl(prefix: string, region: string, endpoint: string | undefined): string {
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/`;
  return `https://${prefix}.${region}.amazonaws.com/`;
}
