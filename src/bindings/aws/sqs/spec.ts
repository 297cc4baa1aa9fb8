import { defineBinding, field, type DecodedConfig } from '../../spec';
import { awsAuthFields, CALL_TIMEOUT_MS, validateAwsAuth } from '../../../aws/binding-auth';

/** The aws.sqs component's fields, with daprd's names (components-contrib bindings/aws/sqs/sqs.go `sqsMetadata`). */
const sqsFields = {
  ...awsAuthFields,
  queueName: field.string({
    description: 'Name of the queue (its URL is looked up with GetQueueUrl).',
    required: true,
  }),
};

/** The decoded aws.sqs component configuration. */
export type SqsConfig = DecodedConfig<typeof sqsFields>;

/** The aws.sqs output binding (daprd: one `create` operation, SendMessage). */
export const spec = defineBinding({
  type: 'bindings.aws.sqs',
  versions: ['v1'],
  description: 'Sends the data bytes as they are (no unquoting) as one SQS message to the component’s queue.',
  differences: [
    'The queue URL is looked up once and kept (daprd: GetQueueUrl before every send); a send that finds the queue gone looks it up again, so a missing queue gives daprd’s GetQueueUrl error. IAM Roles Anywhere (`trustAnchorArn` + `trustProfileArn` + `assumeRoleArn`) is refused at build time; `queueName` is required at build time (daprd fails at call time).',
    'A failure that is not an AWS reply (network, timeout) has the Go SDK’s shape but Node’s socket text where the two differ, after 2 attempts (daprd’s Go SDK: 3).',
  ],
  metadata: sqsFields,
  operations: {
    create: {
      description:
        'SendMessage with the data bytes as the body, exactly as daprd (a JSON string keeps its quotes); no request metadata is read (no attributes, delay or FIFO group id); 204.',
    },
  },
  validate: (config) => validateAwsAuth(config),
  // GetQueueUrl (when not known yet), then SendMessage, each with its SDK retry.
  operationTimeoutMs: () => 2 * CALL_TIMEOUT_MS,
});
