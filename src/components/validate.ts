import { acceptsVersion, findBindingType, type BindingCatalog } from '../bindings/catalog';
import { parseDuration } from '../bindings/metadata';
import { checkComponentProperties } from '../bindings/module';
import type { FieldSpec, FieldSpecs } from '../bindings/spec';
import type { SecretStoreCatalog } from '../secretstores/registry';
import type { ParsedComponent } from './parse-yaml';
import { expandTemplates, refusedEnvRef } from './resolve';
import type { BundledComponent, BundledSecretStore } from './types';

/** The result of checking one component: the bundled form, or why it is skipped or refused. */
export interface ValidationResult<T> {
  component?: T;
  errors: string[];
  warnings: string[];
}

/** What a component is checked in: the stage (only `dev` allows literal secrets) and its secret stores. */
export interface ValidationContext {
  appId: string;
  stage: string;
  /** Secret store components in scope for this app, by name. */
  secretStores: ReadonlyMap<string, ParsedComponent>;
}

/** Whether a literal value of this field is a secret: always for a sensitive field, or when its rule recognises one. */
function isSecretValue(spec: { options: { sensitive?: boolean | ((value: string) => boolean) } } | undefined, value: string) {
  const sensitive = spec?.options.sensitive;
  return typeof sensitive === 'function' ? sensitive(value) : sensitive === true;
}

/** The stage in which secrets may be written into component files, for local work. */
export const DEV_STAGE = 'dev';

const DEFAULT_INIT_TIMEOUT_MS = 5_000;
// Runtime-level entries daprd reads itself and leaves in the property map.
const RUNTIME_FIELDS = new Set(['direction', 'route']);

function servesOutput(component: ParsedComponent): boolean {
  const direction = component.metadata.find((item) => item.name.toLowerCase() === 'direction')?.value;
  if (direction === undefined || direction.trim() === '') return true;
  return direction.split(',').some((part) => part.trim().toLowerCase() === 'output');
}

function fieldNamed(fields: FieldSpecs, name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  return Object.entries(fields).find(
    ([key, spec]) => key.toLowerCase() === lower || spec.options.aliases?.some((a) => a.toLowerCase() === lower),
  )?.[1] as FieldSpec | undefined;
}

function sourceErrors(component: ParsedComponent, fields: FieldSpecs, context: ValidationContext, store: boolean): string[] {
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
      if (store) errors.push(`metadata "${item.name}": a secret store cannot read its own settings from a secretKeyRef`);
      else if (!component.secretStore) errors.push(`metadata "${item.name}": secretKeyRef needs auth.secretStore`);
      else if (!context.secretStores.has(component.secretStore)) {
        errors.push(`auth.secretStore "${component.secretStore}" names no secret store component for app ID "${context.appId}"`);
      }
    }
    if (item.value && context.stage !== DEV_STAGE && isSecretValue(fieldNamed(fields, item.name), item.value)) {
      errors.push(
        `metadata "${item.name}" is a secret: outside the ${DEV_STAGE} stage use a secretKeyRef or an envRef, not a value`,
      );
    }
  }
  return errors;
}

/** Decodes literal values by the spec; envRef and secretKeyRef values are only known at run time. */
function checkValues(component: ParsedComponent, spec: { metadata: FieldSpecs }, appId: string) {
  const literals: Record<string, string> = {};
  const deferred = new Set<string>();
  for (const item of component.metadata) {
    if (RUNTIME_FIELDS.has(item.name.toLowerCase())) continue;
    if (item.value === undefined || item.value === '') {
      if (item.envRef || item.secretKeyRef) deferred.add(item.name);
      else literals[item.name] = '';
      continue;
    }
    try {
      literals[item.name] = expandTemplates(item.value, { appId });
    } catch (error) {
      return { errors: [`metadata "${item.name}": ${(error as Error).message}`], unknown: [] };
    }
  }
  return checkComponentProperties(spec, literals, deferred);
}

/** Checks a parsed output-binding component against its type's spec, as the build does before bundling. */
export function validateComponent(
  component: ParsedComponent,
  catalog: BindingCatalog,
  context: ValidationContext,
): ValidationResult<BundledComponent> {
  const where = `${component.source}: component "${component.name}" (${component.type})`;
  const result: ValidationResult<BundledComponent> = { errors: [], warnings: [] };
  const fail = (messages: string[]) => ({ ...result, errors: messages.map((message) => `${where}: ${message}`) });
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
  const problems = sourceErrors(component, entry.spec.metadata, context, false);
  if (problems.length > 0) return fail(problems);
  const checked = checkValues(component, entry.spec, context.appId);
  if (checked.errors.length > 0) return fail(checked.errors);
  for (const key of checked.unknown) result.warnings.push(`${where}: unknown metadata "${key}" is ignored`);
  result.component = {
    name: component.name,
    type: entry.spec.type,
    version: component.version,
    initTimeoutMs,
    metadata: component.metadata,
    source: component.source,
    ...(component.secretStore ? { secretStore: component.secretStore } : {}),
  };
  return result;
}

/** Checks a secret store component that a binding uses against its type's spec. */
export function validateSecretStore(
  component: ParsedComponent,
  catalog: SecretStoreCatalog,
  context: ValidationContext,
): ValidationResult<BundledSecretStore> {
  const where = `${component.source}: secret store "${component.name}" (${component.type})`;
  const fail = (messages: string[]) => ({ errors: messages.map((message) => `${where}: ${message}`), warnings: [] });
  const entry = findBindingType(catalog, component.type);
  if (!entry) return fail([`unknown secret store type; this build supports ${Object.keys(catalog).join(', ')}`]);
  if (!acceptsVersion(entry.spec, component.version)) {
    return fail([`version "${component.version}" is not one of ${entry.spec.versions.join(', ')}`]);
  }
  if (entry.spec.devOnly && context.stage !== DEV_STAGE) {
    return fail([`${entry.spec.type} is for the ${DEV_STAGE} stage only; use secretstores.aws.secretmanager or parameterstore`]);
  }
  const problems = sourceErrors(component, entry.spec.metadata, context, true);
  if (problems.length > 0) return fail(problems);
  const checked = checkValues(component, entry.spec, context.appId);
  if (checked.errors.length > 0) return fail(checked.errors);
  return {
    errors: [],
    warnings: checked.unknown.map((key) => `${where}: unknown metadata "${key}" is ignored`),
    component: {
      name: component.name,
      type: entry.spec.type,
      version: component.version,
      metadata: component.metadata,
      source: component.source,
    },
  };
}
