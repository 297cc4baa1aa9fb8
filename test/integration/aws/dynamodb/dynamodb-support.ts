import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { BundledComponent } from '../../../../src/components/types';
import { awsComponent, motoClientConfig, motoEndpoint } from '../../../support/aws';

/** An aws.dynamodb component writing to `table` on moto (the shared one unless given). */
export function dynamodbComponent(
  name: string,
  table: string,
  extra: Record<string, string> = {},
  endpoint = motoEndpoint(),
): BundledComponent {
  return awsComponent(name, 'bindings.aws.dynamodb', { table, ...extra }, endpoint);
}

/** A plain client on moto, for creating tables and reading back what the binding wrote. */
export function rawDynamoDb(endpoint = motoEndpoint(), region = 'us-east-1'): DynamoDBClient {
  return new DynamoDBClient(motoClientConfig(endpoint, region));
}

/** Creates a table keyed by the string attribute `id`. */
export async function createTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/** The stored item with key `id`, with its exact attribute types; undefined when there is none. */
export async function getItem(
  client: DynamoDBClient,
  table: string,
  id: string,
): Promise<Record<string, AttributeValue> | undefined> {
  const answer = await client.send(
    new GetItemCommand({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true }),
  );
  return answer.Item;
}

/** How many items the table holds. */
export async function countItems(client: DynamoDBClient, table: string): Promise<number> {
  const answer = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }));
  return answer.Count ?? 0;
}

/**
 * The stored item as moto's JSON answer spells it: the SDK's reader drops an attribute named
 * `__proto__`, so this reads GetItem's raw body (moto does not check the signature).
 */
export async function getItemJson(table: string, id: string): Promise<unknown> {
  const response = await fetch(`${motoEndpoint()}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.GetItem',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify({ TableName: table, Key: { id: { S: id } } }),
  });
  return JSON.parse(await response.text()) as unknown;
}
