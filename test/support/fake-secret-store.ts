import type { BundledSecretStore } from '../../src/components/types';
import type { SecretStoreCatalog } from '../../src/secretstores/registry';
import {
  commonStoreFields,
  defineSecretStore,
  SecretNotFoundError,
  type SecretStoreSpec,
} from '../../src/secretstores/spec';

const fakeStoreSpec: SecretStoreSpec<typeof commonStoreFields> = {
  type: 'secretstores.fake',
  versions: ['v1'],
  description: 'unit-test double',
  metadata: commonStoreFields,
};

/** A secret store for unit tests: secrets in a map the test changes, with counters. */
export class FakeSecrets {
  values = new Map<string, string>();
  reads = 0;
  failWith: Error | undefined;
  hang = false;

  catalog(): SecretStoreCatalog {
    const module = defineSecretStore(fakeStoreSpec, async () => ({
      get: async (name) => {
        this.reads += 1;
        if (this.hang) return new Promise<never>(() => undefined);
        if (this.failWith) throw this.failWith;
        const value = this.values.get(name);
        if (value === undefined) throw new SecretNotFoundError('no such secret');
        return { [name]: value };
      },
      close: async () => undefined,
    }));
    return { 'secretstores.fake': { spec: fakeStoreSpec, load: async () => module } };
  }
}

/** A bundled fake store with the given settings. */
export function fakeStore(name: string, metadata: Record<string, string> = {}): BundledSecretStore {
  return {
    name,
    type: 'secretstores.fake',
    version: 'v1',
    metadata: Object.entries(metadata).map(([key, value]) => ({ name: key, value })),
    source: 'test',
  };
}
