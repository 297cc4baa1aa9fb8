import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Driver, DriverContext, InvokeRequest } from '../../driver';
import { MAX_ATTEMPTS, sdkClientConfig } from '../../../aws/binding-auth';
import { requestUrl, sendAs, type GoSdkCall } from '../../../aws/go-sdk-error';
import { decodeSnsPayload } from './payload';
import type { SnsConfig } from './spec';

// The errors the SNS model lists for Publish (aws-sdk-go-v2 decodes them into typed errors).
const PUBLISH_ERRORS = new Set([
  'AuthorizationErrorException',
  'EndpointDisabledException',
  'InternalErrorException',
  'InvalidParameterException',
  'InvalidParameterValueException',
  'InvalidSecurityException',
  'KMSAccessDeniedException',
  'KMSDisabledException',
  'KMSInvalidStateException',
  'KMSNotFoundException',
  'KMSOptInRequired',
  'KMSThrottlingException',
  'NotFoundException',
  'PlatformApplicationDisabledException',
  'ValidationException',
]);

/** One SNS client per component; `create` publishes the data's message and subject to the component's topic. */
export async function createSnsDriver(config: SnsConfig, context: DriverContext): Promise<Driver<'create'>> {
  const clientConfig = sdkClientConfig(config);
  const client = new SNSClient(clientConfig);
  const publish: GoSdkCall = {
    service: 'SNS',
    operation: 'Publish',
    modeled: PUBLISH_ERRORS,
    queryCompatible: false,
    url: requestUrl('sns', clientConfig.region, config.endpoint),
    maxAttempts: MAX_ATTEMPTS,
  };

  const create = async (request: InvokeRequest, { signal }: { signal: AbortSignal }) => {
    const { message, subject } = decodeSnsPayload(context.name, request.data); // before anything is sent
    await sendAs(context.name, publish, () =>
      client.send(new PublishCommand({ TopicArn: config.topicArn, Message: message, Subject: subject }), {
        abortSignal: signal,
      }),
    );
    return undefined;
  };

  return {
    operations: { create },
    close: async () => client.destroy(),
  };
}
