import { DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DriverFailureError } from '../../../api/errors';
import type { Driver, DriverContext } from '../../driver';
import { MAX_ATTEMPTS, sdkClientConfig } from '../../../aws/binding-auth';
import { requestUrl, sendAs, type GoSdkCall } from '../../../aws/go-sdk-error';
import { GoMarshalError, itemOf } from './attribute-value';
import type { DynamoDbConfig } from './spec';

/** The errors the PutItem model lists: the Go SDK decodes these into typed errors, any other into `api error`. */
const PUT_ITEM_ERRORS = new Set([
  'ConditionalCheckFailedException',
  'InternalServerError',
  'InvalidEndpointException',
  'ItemCollectionSizeLimitExceededException',
  'ProvisionedThroughputExceededException',
  'ReplicatedWriteConflictException',
  'RequestLimitExceeded',
  'ResourceNotFoundException',
  'ThrottlingException',
  'TransactionConflictException',
]);

/** One DynamoDB client per component, reused across warm invocations; `create` is daprd's PutItem. */
export async function createDynamoDbDriver(config: DynamoDbConfig, context: DriverContext): Promise<Driver<'create'>> {
  const options = sdkClientConfig(config);
  const client = new DynamoDBClient(options);
  const putItem: GoSdkCall = {
    service: 'DynamoDB',
    operation: 'PutItem',
    modeled: PUT_ITEM_ERRORS,
    queryCompatible: false,
    url: requestUrl('dynamodb', options.region, config.endpoint),
    maxAttempts: MAX_ATTEMPTS,
  };
  return {
    operations: {
      create: async (request, { signal }) => {
        let item: Record<string, AttributeValue>;
        try {
          item = itemOf(request.data);
        } catch (error) {
          // daprd returns the unmarshal/marshal error before calling AWS: nothing is written.
          if (error instanceof GoMarshalError) throw new DriverFailureError(context.name, error.message);
          throw error;
        }
        await sendAs(context.name, putItem, () =>
          client.send(new PutItemCommand({ TableName: config.table, Item: item }), { abortSignal: signal }),
        );
      },
    },
    close: async () => client.destroy(),
  };
}
