// The two ways a call fails: Dapr said no (DaprBindingError), or Lambda never gave a Dapr answer (BindingsInvokeError).
import type { BindingMetadata } from './types';

/** A Dapr error answered by the function (status >= 400), with daprd's `errorCode` and `message`. */
export class DaprBindingError extends Error {
  override readonly name = 'DaprBindingError';

  constructor(
    /** daprd's error code, e.g. `ERR_INVOKE_OUTPUT_BINDING` or `ERR_MALFORMED_REQUEST`. */
    readonly errorCode: string,
    message: string,
    /** The HTTP status daprd would have answered, e.g. 400 or 500. */
    readonly statusCode: number,
    /** Response metadata that came with the error (empty when none). */
    readonly metadata: BindingMetadata = {},
  ) {
    super(message);
  }
}

/** What went wrong at the Lambda level, besides the function's own answer. */
export interface BindingsInvokeErrorDetails {
  functionName: string;
  /** Lambda's `FunctionError` (`Unhandled`, ...) when the function ran and failed. */
  functionError?: string;
  /** The AWS SDK error, or the function's error report (`{errorType, errorMessage}`) for a FunctionError. */
  cause?: unknown;
}

/** The function could not be invoked, failed (FunctionError), or answered something that is not a Dapr answer. */
export class BindingsInvokeError extends Error {
  override readonly name = 'BindingsInvokeError';
  /** The function (name or ARN) that was invoked. */
  readonly functionName: string;
  /** Lambda's `FunctionError` (`Unhandled`, ...) when the function itself failed; else undefined. */
  readonly functionError: string | undefined;

  constructor(message: string, details: BindingsInvokeErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.functionName = details.functionName;
    this.functionError = details.functionError;
  }
}
