import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DriverFailureError } from '../../../api/errors';
import { sdkClientConfig } from '../../../aws/binding-auth';
import { isAwsServiceError } from '../../../aws/service-error';
import type { Driver, InvokeRequest, OperationContext } from '../../driver';
import { serviceFailureMessage, transportFailureMessage } from './failure';
import { composeSendEmail } from './request';
import type { SesConfig } from './spec';

/** `create` sends one e-mail with SendEmail and answers 204 once SES accepted it; one client per driver. */
export async function createSesDriver(config: SesConfig): Promise<Driver<'create'>> {
  const client = new SESClient(sdkClientConfig(config));

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
