import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BindingCatalog } from '../bindings/catalog';
import { parseComponentFile, type ParsedComponent } from './parse-yaml';
import type { BundleManifest } from './types';
import { validateComponent, validateSecretStore } from './validate';
import { fullSecretStoreCatalog, type SecretStoreCatalog } from '../secretstores/registry';

/** What loading a stage produced: the manifest to bundle, and every error and warning found. */
export interface StageLoadResult {
  manifest: BundleManifest;
  errors: string[];
  warnings: string[];
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

/** Parses one layer (the shared folder or a stage folder); a name twice within a layer is an error. */
function loadLayer(dir: string, root: string, errors: string[], warnings: string[]): Map<string, ParsedComponent> {
  const layer = new Map<string, ParsedComponent>();
  for (const file of yamlFiles(dir)) {
    const parsed = parseComponentFile(readFileSync(file, 'utf8'), relative(root, file));
    errors.push(...parsed.errors);
    warnings.push(...parsed.warnings);
    for (const component of parsed.components) {
      const previous = layer.get(component.name);
      if (previous)
        errors.push(`${component.source}: component "${component.name}" is also defined in ${previous.source}`);
      else layer.set(component.name, component);
    }
  }
  return layer;
}

/**
 * Loads `<dir>/*.yaml`, overlays `<dir>/<stage>/*.yaml` by name, keeps the components in scope for
 * the app ID, and validates each against its binding type.
 */
export function loadStage(options: {
  dir: string;
  stage: string;
  appId: string;
  catalog: BindingCatalog;
  /** The secret store types (default: every type this project implements). */
  secretStoreCatalog?: SecretStoreCatalog;
  /** Folder that error messages are relative to (default: the components folder's parent). */
  root?: string;
}): StageLoadResult {
  const { dir, stage, appId, catalog } = options;
  const storeCatalog = options.secretStoreCatalog ?? fullSecretStoreCatalog;
  const root = options.root ?? join(dir, '..');
  const errors: string[] = [];
  const warnings: string[] = [];
  // A mistyped folder would otherwise ship a bundle in which every call fails.
  if (!existsSync(dir)) errors.push(`components folder ${relative(root, dir) || dir} does not exist`);
  const merged = loadLayer(dir, root, errors, warnings);
  for (const [name, component] of loadLayer(join(dir, stage), root, errors, warnings)) merged.set(name, component);

  const manifest: BundleManifest = { appId, stage, components: [], secretStores: [] };
  const inScope = [...merged.values()].filter((component) => {
    if (component.scopes.length === 0 || component.scopes.includes(appId)) return true;
    warnings.push(`${component.source}: component "${component.name}" is not scoped to app ID "${appId}"; skipped`);
    return false;
  });
  const isStore = (c: ParsedComponent) => c.type.toLowerCase().startsWith('secretstores.');
  const context = { appId, stage, secretStores: new Map(inScope.filter(isStore).map((c) => [c.name, c])) };
  for (const component of inScope.filter((c) => !isStore(c))) {
    const result = validateComponent(component, catalog, context);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.component) manifest.components.push(result.component);
  }
  // Only the stores that bundled bindings read from are bundled (and granted IAM access).
  const used = new Set(manifest.components.flatMap((c) => (c.secretStore ? [c.secretStore] : [])));
  for (const store of context.secretStores.values()) {
    if (!used.has(store.name)) {
      warnings.push(`${store.source}: secret store "${store.name}" is used by no output binding; skipped`);
      continue;
    }
    const result = validateSecretStore(store, storeCatalog, context);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.component) manifest.secretStores.push(result.component);
  }
  return { manifest, errors, warnings };
}
