import type { SecretStoreModule, SecretStoreSpec } from './spec';
import { spec as parameterStore } from './aws-parameterstore/spec';
import { spec as secretManager } from './aws-secretmanager/spec';
import { spec as localEnv } from './local-env/spec';
import { spec as localFile } from './local-file/spec';

/** One secret store type: its spec eagerly, its client on first use. */
export interface SecretStoreEntry {
  spec: SecretStoreSpec;
  load(): Promise<SecretStoreModule>;
}

/** The secret store types available to a runtime, keyed by canonical type. */
export type SecretStoreCatalog = Readonly<Record<string, SecretStoreEntry>>;

/** Every secret store type this project implements, and its source folder (used by the build). */
export const SECRET_STORE_FOLDERS: Readonly<Record<string, string>> = {
  'secretstores.aws.secretmanager': 'aws-secretmanager',
  'secretstores.aws.parameterstore': 'aws-parameterstore',
  'secretstores.local.env': 'local-env',
  'secretstores.local.file': 'local-file',
};

/** The full catalog, for tests and the build; a deployed bundle carries only the stores its stage uses. */
export const fullSecretStoreCatalog: SecretStoreCatalog = {
  'secretstores.aws.secretmanager': {
    spec: secretManager,
    load: async () => (await import('./aws-secretmanager/index')).default,
  },
  'secretstores.aws.parameterstore': {
    spec: parameterStore,
    load: async () => (await import('./aws-parameterstore/index')).default,
  },
  'secretstores.local.env': { spec: localEnv, load: async () => (await import('./local-env/index')).default },
  'secretstores.local.file': { spec: localFile, load: async () => (await import('./local-file/index')).default },
};
