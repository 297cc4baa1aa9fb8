import type { AwsServiceError } from '../../../aws/service-error';

/** daprd's prefix for a failed SendEmail (bindings/aws/ses/ses.go `Invoke`). */
export const SEND_FAILED = 'SES binding error. Sending email failed: ';

/** aws-sdk-go-v2's `OperationError` prefix for SES SendEmail. */
const OPERATION = 'operation error SES: SendEmail, ';

/**
 * The errors the SES model lists for SendEmail: aws-sdk-go-v2 decodes these into typed errors
 * ("Code: message"); any other code becomes a `GenericAPIError` ("api error Code: message").
 */
const MODELED = new Set([
  'AccountSendingPausedException',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
  'MailFromDomainNotVerifiedException',
  'MessageRejected',
]);

/**
 * daprd's message for an error SES answered with: the Go SDK's
 * `operation error SES: SendEmail, https response error StatusCode: N, RequestID: ID, <api error>`.
 */
export function serviceFailureMessage(error: AwsServiceError): string {
  const code = error.name;
  const apiError = MODELED.has(code) ? `${code}: ${error.message}` : `api error ${code}: ${error.message}`;
  const { httpStatusCode, requestId } = error.$metadata;
  return `${SEND_FAILED}${OPERATION}https response error StatusCode: ${httpStatusCode}, RequestID: ${requestId ?? ''}, ${apiError}`;
}

/** daprd's prefix on any other failure (network, timeout), with the JavaScript SDK's own text after it. */
export function transportFailureMessage(error: unknown): string {
  return `${SEND_FAILED}${OPERATION}${error instanceof Error ? error.message : String(error)}`;
}
