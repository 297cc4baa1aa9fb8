import { defineBinding, field, type DecodedConfig } from '../../spec';
import { awsAuthFields, CALL_TIMEOUT_MS, validateAwsAuth } from '../../../aws/binding-auth';

/** The aws.sns component's fields, with daprd's names (components-contrib bindings/aws/sns/sns.go `snsMetadata`). */
const snsFields = {
  ...awsAuthFields,
  region: field.string({ description: "AWS region (default: the function's region).", aliases: ['awsRegion'] }),
  topicArn: field.string({ description: 'ARN of the topic every `create` publishes to.', required: true }),
};

/** The decoded aws.sns component configuration. */
export type SnsConfig = DecodedConfig<typeof snsFields>;

/** The aws.sns output binding (daprd: one `create` operation, Publish). */
export const spec = defineBinding({
  type: 'bindings.aws.sns',
  versions: ['v1'],
  description: 'Publishes `{"message": …, "subject": …}` data to the component’s SNS topic.',
  differences: [
    '`topicArn` is required at build time (daprd fails at call time). IAM Roles Anywhere (`trustAnchorArn` + `trustProfileArn` + `assumeRoleArn`) is refused at build time.',
    'A failure that is not an AWS reply (network, timeout) has the Go SDK’s shape but Node’s socket text where the two differ, after 2 attempts (daprd’s Go SDK: 3).',
  ],
  metadata: snsFields,
  operations: {
    create: {
      description:
        'Data must be a JSON object; its `message` and `subject` (names matched case-insensitively) are published as Go prints them (`%v`: a missing one is `<nil>`, a number 1e6 is `1e+06`, an object `map[k:v]`); 204. Other data fails with Go’s `json: cannot unmarshal …` and nothing is published.',
    },
  },
  validate: (config) => validateAwsAuth(config),
  operationTimeoutMs: () => CALL_TIMEOUT_MS,
});
