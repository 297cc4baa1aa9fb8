/** An error AWS answered with (`$fault` client or server, an HTTP status): the connection itself is sound. */
export interface AwsServiceError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string };
}

/**
 * Whether the SDK failed because AWS answered with an error (a missing bucket, a throttle, a bad
 * request), as opposed to a network failure, a timeout or an abort: only the latter leave the client
 * in doubt, so only they should make the pool rebuild a driver.
 */
export function isAwsServiceError(error: unknown): error is AwsServiceError {
  if (!(error instanceof Error) || !('$fault' in error) || !('$metadata' in error)) return false;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return typeof metadata?.httpStatusCode === 'number';
}
