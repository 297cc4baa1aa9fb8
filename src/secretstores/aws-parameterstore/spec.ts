import { field } from '../../bindings/spec';
import { awsFields } from '../../aws/client-config';
import { commonStoreFields, type SecretStoreSpec } from '../spec';

const fields = {
  ...awsFields,
  prefix: field.string({ description: 'Prepended to every secret name to form the parameter name.', default: '' }),
  ...commonStoreFields,
};

/** SSM Parameter Store, as Dapr's `secretstores.aws.parameterstore`: parameter `<prefix><name>`, decrypted. */
export const spec: SecretStoreSpec<typeof fields> = {
  type: 'secretstores.aws.parameterstore',
  versions: ['v1'],
  description: 'AWS SSM Parameter Store: GetParameter of prefix + name, with decryption.',
  metadata: fields,
};
