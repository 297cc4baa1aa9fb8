import type { BindingCatalog } from '../bindings/catalog';
import type { BundleManifest } from '../components/types';

/** The stage's components and binding types. `npm run build` replaces this module with the generated one. */
export const bundle: { manifest: BundleManifest; catalog: BindingCatalog } = {
  manifest: { appId: 'unbuilt', stage: 'none', components: [], secretStores: [] },
  catalog: {},
};
