import { MAX_ATTEMPTS } from '../../../aws/binding-auth';
import { goServiceErrorText, type GoSdkCall } from '../../../aws/go-sdk-error';
import type { AwsServiceError } from '../../../aws/service-error';

/** daprd's prefix for a failed SendEmail (bindings/aws/ses/ses.go `Invoke`). */
export const SEND_FAILED = 'SES binding error. Sending email failed: ';

/**
 * SendEmail as aws-sdk-go-v2 names it, with the errors the SES model lists for it: Go decodes these
 * into typed errors ("Code: message"), any other code into a `GenericAPIError` ("api error Code: message").
 */
const SEND_EMAIL: Omit<GoSdkCall, 'url'> = {
  service: 'SES',
  operation: 'SendEmail',
  modeled: new Set([
    'AccountSendingPausedException',
    'ConfigurationSetDoesNotExistException',
    'ConfigurationSetSendingPausedException',
    'MailFromDomainNotVerifiedException',
    'MessageRejected',
  ]),
  queryCompatible: false,
  maxAttempts: MAX_ATTEMPTS,
};

/**
 * daprd's message for an error SES answered with: the Go SDK's
 * `operation error SES: SendEmail, https response error StatusCode: N, RequestID: ID, <api error>`.
 */
export function serviceFailureMessage(error: AwsServiceError): string {
  return `${SEND_FAILED}${goServiceErrorText(SEND_EMAIL, error)}`;
}

/** daprd's prefix on any other failure (network, timeout), with the JavaScript SDK's own text after it. */
export function transportFailureMessage(error: unknown): string {
  return `${SEND_FAILED}operation error SES: SendEmail, ${error instanceof Error ? error.message : String(error)}`;
}
