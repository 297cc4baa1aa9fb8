import { SESClient, SendEmailCommand, type SESClientConfig } from '@aws-sdk/client-ses';
import { DriverFailureError } from '../../../api/errors';
import { awsClientConfig } from '../../../aws/client-config';
import { isAwsServiceError } from '../../../aws/service-error';
import type { Driver, InvokeRequest, OperationContext } from '../../driver';
import { serviceFailureMessage, transportFailureMessage } from './failure';
import { composeSendEmail } from './request';
import { CONNECT_TIMEOUT_MS, MAX_ATTEMPTS, REQUEST_TIMEOUT_MS, type SesConfig } from './spec';

/**
 * SES client options from the component. daprd uses static keys only when both accessKey and
 * secretKey are set (common/aws/auth `newAuthStatic`); otherwise the default chain (the Lambda role).
 */
export function sesClientConfig(config: SesConfig): SESClientConfig {
  const keys = config.accessKey && config.secretKey;
  return {
    ...awsClientConfig({ ...config, ...(keys ? {} : { accessKey: undefined, secretKey: undefined }) }),
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  };
}

/** `create` sends one e-mail with SendEmail and answers 204 once SES accepted it; one client per driver. */
export async function createSesDriver(config: SesConfig): Promise<Driver<'create'>> {
  const client = new SESClient(sesClientConfig(config));

  const create = async (request: InvokeRequest, { signal, logger }: OperationContext): Promise<void> => {
    const input = composeSendEmail(config, request); // validates before anything is sent
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await client.send(new SendEmailCommand(input), { abortSignal: signal }));
    } catch (error) {
      // An AWS reply leaves the client sound; anything else is raw, so the pool rebuilds the driver.
      if (isAwsServiceError(error)) throw new DriverFailureError(request.name, serviceFailureMessage(error));
      throw new Error(transportFailureMessage(error), { cause: error });
    }
    logger.debug('SES binding: sent email successfully', { messageId });
  };

  return {
    operations: { create },
    close: async () => client.destroy(),
  };
}
