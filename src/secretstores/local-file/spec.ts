import { field } from '../../bindings/spec';
import { commonStoreFields, type SecretStoreSpec } from '../spec';

const fields = {
  secretsFile: field.string({
    description: 'Path of the JSON file (relative to the working directory).',
    required: true,
  }),
  nestedSeparator: field.string({ description: 'Joins nested keys into one name.', default: ':' }),
  multiValued: field.bool({ description: 'Top-level keys are secrets holding several keys each.', default: false }),
  ...commonStoreFields,
};

/** A JSON file, as Dapr's `secretstores.local.file`; for the dev stage only. */
export const spec: SecretStoreSpec<typeof fields> = {
  type: 'secretstores.local.file',
  versions: ['v1'],
  description: 'A local JSON file of secrets (dev stage only).',
  metadata: fields,
  devOnly: true,
};
