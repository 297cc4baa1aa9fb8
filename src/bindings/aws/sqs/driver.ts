import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { isAwsServiceError } from '../../../aws/service-error';
import type { Driver, DriverContext, InvokeRequest } from '../../driver';
import { MAX_ATTEMPTS, sdkClientConfig } from '../../../aws/binding-auth';
import { requestUrl, sdkFailure, sendAs, type GoSdkCall } from '../../../aws/go-sdk-error';
import type { SqsConfig } from './spec';

// The errors the SQS model lists per operation (aws-sdk-go-v2 decodes them into typed errors).
const GET_QUEUE_URL_ERRORS = new Set([
  'InvalidAddress',
  'InvalidSecurity',
  'QueueDoesNotExist',
  'RequestThrottled',
  'UnsupportedOperation',
]);
const SEND_MESSAGE_ERRORS = new Set([
  ...GET_QUEUE_URL_ERRORS,
  'InvalidMessageContents',
  'KmsAccessDenied',
  'KmsDisabled',
  'KmsInvalidKeyUsage',
  'KmsInvalidState',
  'KmsNotFound',
  'KmsOptInRequired',
  'KmsThrottled',
]);

/** One SQS client per component; `create` sends the data as one message to the component's queue. */
export async function createSqsDriver(config: SqsConfig, context: DriverContext): Promise<Driver<'create'>> {
  const clientConfig = sdkClientConfig(config);
  const client = new SQSClient(clientConfig);
  const url = requestUrl('sqs', clientConfig.region, config.endpoint);
  const call = (operation: string, modeled: ReadonlySet<string>): GoSdkCall => ({
    service: 'SQS',
    operation,
    modeled,
    queryCompatible: true,
    url,
    maxAttempts: MAX_ATTEMPTS,
  });
  let queueUrl: string | undefined;

  const resolveQueueUrl = async (signal: AbortSignal): Promise<string> => {
    const answer = await sendAs(context.name, call('GetQueueUrl', GET_QUEUE_URL_ERRORS), () =>
      client.send(new GetQueueUrlCommand({ QueueName: config.queueName }), { abortSignal: signal }),
    );
    return answer.QueueUrl ?? '';
  };

  const send = (target: string, body: string, signal: AbortSignal) =>
    client.send(new SendMessageCommand({ QueueUrl: target, MessageBody: body }), { abortSignal: signal });

  const create = async (request: InvokeRequest, { signal }: { signal: AbortSignal }) => {
    // daprd: `MessageBody: string(req.Data)`, no unquoting and no request metadata.
    const body = request.data.toString('utf8');
    queueUrl ??= await resolveQueueUrl(signal);
    try {
      await send(queueUrl, body, signal);
    } catch (error) {
      if (!isAwsServiceError(error) || error.name !== 'QueueDoesNotExist') {
        throw sdkFailure(context.name, call('SendMessage', SEND_MESSAGE_ERRORS), error);
      }
      // daprd looks the URL up before every send: a queue deleted since fails that lookup (its error),
      // a re-created one is found again. Nothing was sent, so sending again is safe.
      queueUrl = undefined;
      queueUrl = await resolveQueueUrl(signal);
      const target = queueUrl;
      await sendAs(context.name, call('SendMessage', SEND_MESSAGE_ERRORS), () => send(target, body, signal));
    }
    return undefined;
  };

  return {
    operations: { create },
    close: async () => client.destroy(),
  };
}
