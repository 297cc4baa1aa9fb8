/** aws.dynamodb `create` on moto versus the SDK's PutItem of the same item. */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { awsComponent, motoConfig } from './aws-common';
import { payload, type TargetFactory } from './target';

/** The aws.dynamodb target: one table keyed by `id` for the run, deleted afterwards. */
export function dynamodbTarget(services: Services): TargetFactory {
  return async () => {
    const table = `${RUN_ID}-ddb`;
    const client = new DynamoDBClient(motoConfig(services));
    await client.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: table });
    return {
      label: 'aws.dynamodb',
      operation: 'create (PutItem)',
      baseline: 'SDK PutItem',
      component: awsComponent(services, 'bench-dynamodb', 'bindings.aws.dynamodb', { table }),
      request: (i) => ({ operation: 'create', data: { id: `h-${i}`, ...payload(i) } }),
      raw: async (i) => {
        const { orderId, seq } = payload(i);
        const item = { id: { S: `r-${i}` }, orderId: { S: orderId }, seq: { N: String(seq) } };
        await client.send(new PutItemCommand({ TableName: table, Item: item }));
      },
      cleanup: async () => {
        await client.send(new DeleteTableCommand({ TableName: table }));
        client.destroy();
      },
    };
  };
}
