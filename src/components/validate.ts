import { acceptsVersion, findBindingType, type BindingCatalog } from '../bindings/catalog';
import { parseDuration } from '../bindings/metadata';
import { checkComponentProperties } from '../bindings/module';
import type { ParsedComponent } from './parse-yaml';
import { expandTemplates, refusedEnvRef } from './resolve';
import type { BundledComponent } from './types';

/** The result of checking one component: the bundled form, or why it is skipped or refused. */
export interface ValidationResult {
  component?: BundledComponent;
  errors: string[];
  warnings: string[];
}

const DEFAULT_INIT_TIMEOUT_MS = 5_000;
// Runtime-level entries daprd reads itself and leaves in the property map.
const RUNTIME_FIELDS = new Set(['direction', 'route']);

function servesOutput(component: ParsedComponent): boolean {
  const direction = component.metadata.find((item) => item.name.toLowerCase() === 'direction')?.value;
  if (direction === undefined || direction.trim() === '') return true;
  return direction.split(',').some((part) => part.trim().toLowerCase() === 'output');
}

function metadataSourceErrors(component: ParsedComponent): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const item of component.metadata) {
    const lower = item.name.toLowerCase();
    if (seen.has(lower)) errors.push(`metadata "${item.name}" is given twice`);
    seen.add(lower);
    const sources = [item.value, item.envRef, item.secretKeyRef].filter((s) => s !== undefined && s !== '');
    if (sources.length > 1) errors.push(`metadata "${item.name}" has more than one of value, envRef and secretKeyRef`);
    if (item.envRef !== undefined && !item.value) {
      const refused = refusedEnvRef(item.envRef);
      if (refused) errors.push(`metadata "${item.name}": envRef "${item.envRef}" is refused: ${refused}`);
    }
    if (item.secretKeyRef !== undefined && !item.value) {
      errors.push(
        `metadata "${item.name}": secretKeyRef needs a secret store${component.secretStore ? ` ("${component.secretStore}")` : ' (auth.secretStore)'}, and secret stores are not supported yet; use envRef`,
      );
    }
  }
  return errors;
}

/** Checks a parsed component against its binding type's spec, as the build does before bundling. */
export function validateComponent(
  component: ParsedComponent,
  catalog: BindingCatalog,
  appId: string,
): ValidationResult {
  const where = `${component.source}: component "${component.name}" (${component.type})`;
  const result: ValidationResult = { errors: [], warnings: [] };
  const fail = (messages: string[]): ValidationResult => ({
    ...result,
    errors: messages.map((message) => `${where}: ${message}`),
  });
  if (!component.type.toLowerCase().startsWith('bindings.')) {
    result.warnings.push(`${where}: not an output binding; skipped`);
    return result;
  }
  const entry = findBindingType(catalog, component.type);
  if (!entry) return fail([`unknown binding type; this build supports ${Object.keys(catalog).join(', ')}`]);
  if (!acceptsVersion(entry.spec, component.version)) {
    return fail([`version "${component.version}" is not one of ${entry.spec.versions.join(', ')}`]);
  }
  if (!servesOutput(component)) {
    result.warnings.push(`${where}: direction does not include output; skipped`);
    return result;
  }
  let initTimeoutMs = DEFAULT_INIT_TIMEOUT_MS;
  if (component.initTimeout !== undefined) {
    try {
      initTimeoutMs = parseDuration(component.initTimeout);
    } catch (error) {
      return fail([`spec.initTimeout: ${(error as Error).message}`]);
    }
  }
  const sourceErrors = metadataSourceErrors(component);
  if (sourceErrors.length > 0) return fail(sourceErrors);

  const literals: Record<string, string> = {};
  const deferred = new Set<string>();
  for (const item of component.metadata) {
    if (RUNTIME_FIELDS.has(item.name.toLowerCase())) continue;
    if (item.value === undefined || item.value === '') {
      if (item.envRef) deferred.add(item.name);
      else literals[item.name] = '';
      continue;
    }
    try {
      literals[item.name] = expandTemplates(item.value, { appId });
    } catch (error) {
      return fail([`metadata "${item.name}": ${(error as Error).message}`]);
    }
  }
  const checked = checkComponentProperties(entry.spec, literals, deferred);
  if (checked.errors.length > 0) return fail(checked.errors);
  for (const key of checked.unknown) result.warnings.push(`${where}: unknown metadata "${key}" is ignored`);
  result.component = {
    name: component.name,
    type: entry.spec.type,
    version: component.version,
    initTimeoutMs,
    metadata: component.metadata,
    source: component.source,
  };
  return result;
}
