import type { BindingCatalog } from '../bindings/catalog';
import type { BundleManifest } from '../components/types';
import type { SecretStoreCatalog } from '../secretstores/registry';

/** The stage's components, binding types and secret store types. `npm run build` replaces this module. */
export const bundle: { manifest: BundleManifest; catalog: BindingCatalog; secretStoreCatalog?: SecretStoreCatalog } = {
  manifest: { appId: 'unbuilt', stage: 'none', components: [], secretStores: [] },
  catalog: {},
  secretStoreCatalog: {},
};
