import { field } from '../../bindings/spec';
import { commonStoreFields, type SecretStoreSpec } from '../spec';

const fields = {
  prefix: field.string({
    description: 'Only variables starting with this prefix; the name is looked up after it.',
    default: '',
  }),
  ...commonStoreFields,
};

/** Environment variables of the function, as Dapr's `secretstores.local.env`. */
export const spec: SecretStoreSpec<typeof fields> = {
  type: 'secretstores.local.env',
  versions: ['v1'],
  description: "The function's environment variables.",
  metadata: fields,
};
