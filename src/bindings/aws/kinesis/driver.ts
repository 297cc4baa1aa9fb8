import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Driver, DriverContext } from '../../driver';
import { CONNECT_TIMEOUT_MS, MAX_ATTEMPTS, REQUEST_TIMEOUT_MS, sdkClientConfig } from '../../../aws/binding-auth';
import { requestUrl, sendAs, type GoSdkCall } from '../../../aws/go-sdk-error';
import { partitionKeyOf } from './request';
import type { KinesisConfig } from './spec';

/** The errors the PutRecord model lists: the Go SDK decodes these into typed errors, any other into `api error`. */
const PUT_RECORD_ERRORS = new Set([
  'AccessDeniedException',
  'DryRunOperationException',
  'InternalFailureException',
  'InvalidArgumentException',
  'KMSAccessDeniedException',
  'KMSDisabledException',
  'KMSInvalidStateException',
  'KMSNotFoundException',
  'KMSOptInRequired',
  'KMSThrottlingException',
  'ProvisionedThroughputExceededException',
  'ResourceNotFoundException',
]);

/** One Kinesis client per component, reused across warm invocations; `create` is daprd's PutRecord. */
export async function createKinesisDriver(config: KinesisConfig, context: DriverContext): Promise<Driver<'create'>> {
  const options = sdkClientConfig(config);
  const client = new KinesisClient({
    ...options,
    // The Kinesis client defaults to HTTP/2 (for SubscribeToShard); PutRecord goes over HTTP/1.1 as
    // in the Go SDK, which also keeps endpoint overrides without h2c (LocalStack, moto) working.
    requestHandler: new NodeHttpHandler({ connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }),
  });
  const putRecord: GoSdkCall = {
    service: 'Kinesis',
    operation: 'PutRecord',
    modeled: PUT_RECORD_ERRORS,
    queryCompatible: false,
    url: requestUrl('kinesis', options.region, config.endpoint),
    maxAttempts: MAX_ATTEMPTS,
  };
  return {
    operations: {
      create: async (request, { signal }) => {
        // The data bytes as daprd passes them: no unquoting (bindings/aws/kinesis `Invoke`).
        const command = new PutRecordCommand({
          StreamName: config.streamName,
          Data: request.data,
          PartitionKey: partitionKeyOf(request),
        });
        await sendAs(context.name, putRecord, () => client.send(command, { abortSignal: signal }));
      },
    },
    close: async () => client.destroy(),
  };
}
