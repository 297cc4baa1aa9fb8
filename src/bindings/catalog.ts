import type { DriverModule } from './module';
import type { BindingSpec } from './spec';

/** One binding type as the runtime knows it: the spec eagerly, the driver on first use. */
export interface CatalogEntry {
  spec: BindingSpec;
  load(): Promise<DriverModule>;
}

/** The binding types available to a runtime, keyed by canonical `spec.type`. */
export type BindingCatalog = Readonly<Record<string, CatalogEntry>>;

/** What identifies a component type: its canonical name, aliases and accepted versions. */
export interface TypeIdentity {
  type: string;
  aliases?: readonly string[];
  versions: readonly string[];
}

/** Finds a type as daprd does: case-insensitively, by canonical name or alias (bindings and secret stores alike). */
export function findBindingType<E extends { spec: TypeIdentity }>(
  catalog: Readonly<Record<string, E>>,
  type: string,
): E | undefined {
  const wanted = type.toLowerCase();
  return Object.values(catalog).find(
    (entry) =>
      entry.spec.type.toLowerCase() === wanted || entry.spec.aliases?.some((alias) => alias.toLowerCase() === wanted),
  );
}

/** Whether a component's `spec.version` is one the type accepts ("", "v0" and "v1" all mean the initial version). */
export function acceptsVersion(spec: TypeIdentity, version: string): boolean {
  const initial = (v: string) => v === '' || v === 'v0' || v === 'v1';
  return spec.versions.some((v) => v === version || (initial(v) && initial(version)));
}
