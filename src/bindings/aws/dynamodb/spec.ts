import { defineBinding, field, type DecodedConfig } from '../../spec';
import { awsAuthFields, validateAwsAuth } from '../../../aws/binding-auth';

/** Bound of one `create`: two attempts of bounded connect and exchange, plus the SDK's back-off. */
export const OPERATION_TIMEOUT_MS = 30_000;

/** The dynamodb component's fields, with daprd's names (components-contrib bindings/aws/dynamodb `dynamoDBMetadata`). */
const dynamodbFields = {
  table: field.string({ description: 'The DynamoDB table items are written to.', required: true }),
  ...awsAuthFields,
};

/** The decoded dynamodb component configuration. */
export type DynamoDbConfig = DecodedConfig<typeof dynamodbFields>;

/** The aws.dynamodb output binding: daprd's one operation, `create` (PutItem). */
export const spec = defineBinding({
  type: 'bindings.aws.dynamodb',
  versions: ['v1'],
  description: 'Writes the JSON object in the data as one item (PutItem), with one SDK client per component.',
  differences: [
    "`table` is required when the component is built (daprd accepts a component without it and fails each call). IAM Roles Anywhere (trustAnchorArn, trustProfileArn and assumeRoleArn together) is refused at build time. Two attempts per call (daprd: the Go SDK's three).",
    'Data nested more than 1000 levels deep is refused before sending (daprd sends it and DynamoDB, which allows 32 levels, refuses it with its own message).',
  ],
  metadata: dynamodbFields,
  operations: {
    create: {
      description:
        "PutItem of the data, a JSON object, mapped as Go's attributevalue does (numbers → N, strings → S, null → NULL, arrays → L, objects → M); any other JSON sends an empty item, which AWS refuses, as daprd; 204.",
    },
  },
  validate: (config) => validateAwsAuth(config),
  operationTimeoutMs: () => OPERATION_TIMEOUT_MS,
});
