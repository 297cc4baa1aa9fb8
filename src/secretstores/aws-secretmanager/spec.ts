import { awsFields } from '../../aws/client-config';
import { commonStoreFields, type SecretStoreSpec } from '../spec';

const fields = { ...awsFields, ...commonStoreFields };

/** AWS Secrets Manager, as Dapr's `secretstores.aws.secretmanager`: the secret string under the secret's name. */
export const spec: SecretStoreSpec<typeof fields> = {
  type: 'secretstores.aws.secretmanager',
  versions: ['v1'],
  description: 'AWS Secrets Manager: GetSecretValue of the secret name; the value is the secret string.',
  metadata: fields,
};
