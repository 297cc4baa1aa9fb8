/** The text aws-sdk-go-v2 gives an S3 error, which daprd's s3 binding puts in its messages. */
import { MAX_ATTEMPTS } from '../../../aws/binding-auth';
import {
  goApiErrorText,
  goNetText,
  goOperationHead,
  goResponseErrorText,
  goSendFailedText,
} from '../../../aws/go-sdk-error';
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

/**
 * aws-sdk-go-v2's text for a failed S3 call: `operation error S3: <Op>, [exceeded maximum number of
 * attempts, N, ]https response error StatusCode: …, RequestID: …, HostID: …, <api error>`, or
 * `… request send failed, Put "<url>": <net error>` when nothing was answered.
 */
export function goSdkErrorText(operation: string, error: unknown): string {
  const head = goOperationHead({ service: 'S3', operation, maxAttempts: MAX_ATTEMPTS }, error);
  if (!isAwsServiceError(error)) {
    const sent = requestOf(error);
    if (!sent) return `${head}${goNetText(error)}`;
    return (
      head +
      goResponseErrorText({ status: 0, requestId: '', hostId: '' }, goSendFailedText(sent.method, sent.url, error))
    );
  }
  const code = s3ErrorCode(error) ?? 'UnknownError';
  const meta = error.$metadata as { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  // The JavaScript SDK's stand-in for an answer without a message; Go's default message is the code.
  const message = error.message && error.message !== 'UnknownError' ? error.message : code;
  const response = {
    status: meta.httpStatusCode ?? 0,
    requestId: meta.requestId ?? '',
    hostId: meta.extendedRequestId ?? '',
  };
  return head + goResponseErrorText(response, goApiErrorText(MODELED, code, message));
}
