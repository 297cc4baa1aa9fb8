import { defineBinding, field, type DecodedConfig } from '../../spec';
import { awsAuthFields, validateAwsAuth } from '../../../aws/binding-auth';

/** Bound of one `create`: two attempts of bounded connect and exchange, plus the SDK's back-off. */
export const OPERATION_TIMEOUT_MS = 30_000;

/** daprd's consumer modes; it refuses any other value at Init, even for output (case-sensitive). */
const MODES = ['shared', 'extended'];

/** The kinesis component's fields, with daprd's names (components-contrib bindings/aws/kinesis `kinesisMetadata`). */
const kinesisFields = {
  streamName: field.string({ description: 'The stream records are put on.', required: true }),
  ...awsAuthFields,
  mode: field.string({
    description: 'Input consumer mode, `shared` (default) or `extended`; checked as daprd does, unused for output.',
  }),
  consumerName: field.string({ description: 'Input binding consumer name; unused for output.', ignored: true }),
  partitionKey: field.string({
    description: "Listed in daprd's metadata.yaml, but daprd reads `partitionKey` only from the request.",
    ignored: true,
  }),
};

/** The decoded kinesis component configuration. */
export type KinesisConfig = DecodedConfig<typeof kinesisFields>;

/** daprd's Init checks: the consumer mode (its exact message) and the auth this project supports. */
function validateKinesisConfig(config: KinesisConfig): string[] {
  const errors = validateAwsAuth(config);
  if (config.mode && !MODES.includes(config.mode)) errors.push(`aws.kinesis invalid "mode" field ${config.mode}`);
  return errors;
}

/** The aws.kinesis output binding: daprd's one operation, `create` (PutRecord). */
export const spec = defineBinding({
  type: 'bindings.aws.kinesis',
  versions: ['v1'],
  description: 'Puts the data bytes as one record on a Kinesis stream (PutRecord), with one SDK client per component.',
  differences: [
    '`streamName` is required when the component is built (daprd accepts a component without it and fails each call). Output only: the input fields (`mode`, `consumerName`) are accepted and `mode` is checked as daprd does. IAM Roles Anywhere (trustAnchorArn, trustProfileArn and assumeRoleArn together) is refused at build time. Two attempts per call (daprd: three).',
  ],
  metadata: kinesisFields,
  operations: {
    create: {
      description: 'PutRecord with the data bytes as they are (no unquoting); 204.',
      metadata: { partitionKey: "The record's partition key (exact name); a new UUID when absent or empty." },
    },
  },
  validate: (config) => validateKinesisConfig(config),
  operationTimeoutMs: () => OPERATION_TIMEOUT_MS,
});
