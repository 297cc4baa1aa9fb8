import type { DriverModule } from './module';
import type { BindingSpec } from './spec';

/** One binding type as the runtime knows it: the spec eagerly, the driver on first use. */
export interface CatalogEntry {
  spec: BindingSpec;
  load(): Promise<DriverModule>;
}

/** The binding types available to a runtime, keyed by canonical `spec.type`. */
export type BindingCatalog = Readonly<Record<string, CatalogEntry>>;

/** Finds a type as daprd does: case-insensitively, by canonical name or alias. */
export function findBindingType(catalog: BindingCatalog, type: string): CatalogEntry | undefined {
  const wanted = type.toLowerCase();
  return Object.values(catalog).find(
    (entry) =>
      entry.spec.type.toLowerCase() === wanted || entry.spec.aliases?.some((alias) => alias.toLowerCase() === wanted),
  );
}

/** Whether a component's `spec.version` is one the type accepts ("", "v0" and "v1" all mean the initial version). */
export function acceptsVersion(spec: BindingSpec, version: string): boolean {
  const initial = (v: string) => v === '' || v === 'v0' || v === 'v1';
  return spec.versions.some((v) => v === version || (initial(v) && initial(version)));
}
