/** The text aws-sdk-go-v2 gives an S3 error, which daprd's s3 binding puts in its messages. */
import { isAwsServiceError } from '../../../aws/service-error';
import { requestOf } from './client';

// Errors aws-sdk-go-v2 models as types for S3 (service/s3/types/errors.go); they print `Code: message`,
// any other answer prints `api error Code: message`.
const MODELED = new Set([
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'EncryptionTypeMismatch',
  'IdempotencyParameterMismatch',
  'InvalidObjectState',
  'InvalidRequest',
  'InvalidWriteOffset',
  'NoSuchBucket',
  'NoSuchKey',
  'NoSuchUpload',
  'NotFound',
  'ObjectAlreadyInActiveTierError',
  'ObjectNotInActiveTierError',
  'TooManyParts',
]);

/** The S3 error code of an error AWS answered with, if it is one. */
export function s3ErrorCode(error: unknown): string | undefined {
  if (!isAwsServiceError(error)) return undefined;
  return (error as { Code?: string }).Code ?? error.name;
}

/** Whether aws-sdk-go-v2's standard retryer would have retried the failure (and so reported its attempts). */
function retryable(error: unknown): boolean {
  if (!isAwsServiceError(error)) return true;
  const retry = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  const status = error.$metadata.httpStatusCode ?? 0;
  return error.$fault === 'server' || retry?.throttling === true || [500, 502, 503, 504].includes(status);
}

/** A Node socket error in Go's `net` wording where the two agree (a refused connection); Node's text otherwise. */
function goNetText(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(
    /^AWS SDK error wrapper for (?:\w*Error: )?/,
    '',
  );
  const refused = /^connect ECONNREFUSED (.+):(\d+)$/.exec(text);
  if (!refused) return text;
  const host = refused[1]!.includes(':') ? `[${refused[1]}]` : refused[1]!;
  return `dial tcp ${host}:${refused[2]}: connect: connection refused`;
}

/**
 * aws-sdk-go-v2's text for a failed S3 call: `operation error S3: <Op>, [exceeded maximum number of
 * attempts, N, ]https response error StatusCode: …, RequestID: …, HostID: …, <api error>`, or
 * `… request send failed, Put "<url>": <net error>` when nothing was answered.
 */
export function goSdkErrorText(operation: string, error: unknown): string {
  const attempts = (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;
  const head =
    `operation error S3: ${operation}, ` +
    (attempts > 1 && retryable(error) ? `exceeded maximum number of attempts, ${attempts}, ` : '');
  if (!isAwsServiceError(error)) {
    const sent = requestOf(error);
    if (!sent) return `${head}${goNetText(error)}`;
    return `${head}https response error StatusCode: 0, RequestID: , HostID: , request send failed, ${sent.method} ${JSON.stringify(sent.url)}: ${goNetText(error)}`;
  }
  const code = s3ErrorCode(error) ?? 'UnknownError';
  const meta = error.$metadata as { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  const message = error.message && error.message !== 'UnknownError' ? error.message : code;
  const apiError = MODELED.has(code) ? `${code}: ${message}` : `api error ${code}: ${message}`;
  return (
    `${head}https response error StatusCode: ${meta.httpStatusCode ?? 0}, ` +
    `RequestID: ${meta.requestId ?? ''}, HostID: ${meta.extendedRequestId ?? ''}, ${apiError}`
  );
}
