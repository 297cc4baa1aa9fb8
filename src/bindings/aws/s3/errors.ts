/** How a failed S3 call surfaces: AWS answered → the client is sound; anything else → the pool rebuilds it. */
import { DriverFailureError } from '../../../api/errors';
import { isAwsServiceError } from '../../../aws/service-error';
import { goSdkErrorText } from './go-errors';

/**
 * daprd's `<prefix>: <aws-sdk-go-v2 error>`: a {@link DriverFailureError} when S3 answered, a plain
 * error (the driver is rebuilt) for a network failure, timeout or abort.
 */
export function s3Failure(name: string, prefix: string, operation: string, error: unknown): Error {
  const message = `${prefix}: ${goSdkErrorText(operation, error)}`;
  if (isAwsServiceError(error)) return new DriverFailureError(name, message, { cause: error });
  return new Error(message, { cause: error });
}
