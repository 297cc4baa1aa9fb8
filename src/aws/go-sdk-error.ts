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

/** A modeled error prints as `Code: message`, any other (a `GenericAPIError`) as `api error Code: message`. */
export function goApiErrorText(modeled: ReadonlySet<string>, code: string, message: string): string {
  return modeled.has(code) ? `${code}: ${message}` : `api error ${code}: ${message}`;
}

function apiErrorText(call: Pick<GoSdkCall, 'modeled' | 'queryCompatible'>, error: AwsServiceError): string {
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

/**
 * `operation error <Service>: <Op>, `, then `exceeded maximum number of attempts, N, ` when the SDK
 * gave up on a retryable failure after its last attempt.
 */
export function goOperationHead(
  call: Pick<GoSdkCall, 'service' | 'operation' | 'maxAttempts'>,
  error: unknown,
): string {
  const attempts = (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;
  const gaveUp = attempts >= call.maxAttempts && retryable(error);
  return `operation error ${call.service}: ${call.operation}, ${gaveUp ? `exceeded maximum number of attempts, ${attempts}, ` : ''}`;
}

/** Go's `ResponseError`: `https response error StatusCode: N, RequestID: ID, [HostID: H, ]<cause>` (S3 adds the HostID). */
export function goResponseErrorText(
  response: { status: number; requestId: string; hostId?: string },
  cause: string,
): string {
  const hostId = response.hostId === undefined ? '' : `HostID: ${response.hostId}, `;
  return `https response error StatusCode: ${response.status}, RequestID: ${response.requestId}, ${hostId}${cause}`;
}

/**
 * A Node socket error in Go's `net` wording where the two are known to agree; Node's text otherwise.
 * The SDK's retry wraps an error from another realm (a test sandbox) as `AWS SDK error wrapper for …`.
 */
export function goNetText(error: unknown): string {
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

/** Go's `request send failed, <Method> "<url>": <net error>` for a request that got no answer. */
export function goSendFailedText(method: string, url: string, error: unknown): string {
  return `request send failed, ${method} ${JSON.stringify(url)}: ${goNetText(error)}`;
}

/** The Go SDK's full text for an error AWS answered with (the request URL is not part of it). */
export function goServiceErrorText(call: Omit<GoSdkCall, 'url'>, error: AwsServiceError): string {
  const { httpStatusCode, requestId } = error.$metadata;
  return (
    goOperationHead(call, error) +
    goResponseErrorText({ status: httpStatusCode ?? 0, requestId: requestId ?? '' }, apiErrorText(call, error))
  );
}

/** The Go SDK's full text for a failed call: `operation error <Service>: <Op>, …`. */
export function goSdkErrorText(call: GoSdkCall, error: unknown): string {
  if (isAwsServiceError(error)) return goServiceErrorText(call, error);
  return (
    goOperationHead(call, error) +
    goResponseErrorText({ status: 0, requestId: '' }, goSendFailedText('Post', call.url, error))
  );
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

/** Runs one SDK call, turning its failure into {@link sdkFailure}'s error. */
export async function sendAs<T>(name: string, call: GoSdkCall, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw sdkFailure(name, call, error);
  }
}

/** The URL the Go SDK posts a JSON or Query request to: the endpoint override's root, or the regional endpoint. */
export function requestUrl(prefix: string, region: string, endpoint: string | undefined): string {
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/`;
  return `https://${prefix}.${region}.amazonaws.com/`;
}
