import yaml from 'js-yaml';
import type { MetadataItem } from './types';

/** A `kind: Component` document as parsed, before it is checked against a binding spec. */
export interface ParsedComponent {
  name: string;
  type: string;
  version: string;
  initTimeout?: string;
  ignoreErrors: boolean;
  secretStore?: string;
  scopes: string[];
  metadata: MetadataItem[];
  source: string;
}

/** What one file yielded: components, and messages that already name the file. */
export interface ParsedFile {
  components: ParsedComponent[];
  errors: string[];
  warnings: string[];
}

// Other Dapr resources often share a resources folder; they are not components, so they are skipped.
const OTHER_DAPR_KINDS = new Set(['Configuration', 'Resiliency', 'Subscription', 'HTTPEndpoint', 'MCPServer']);

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dapr's `DynamicValue.String()`: strings as they are, other scalars and objects as JSON text. */
function valueToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Whether a name is a valid Kubernetes path segment, as daprd requires of component names. */
function invalidName(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `may not be "${name}"`;
  if (/[/%]/.test(name)) return 'may not contain "/" or "%"';
  return undefined;
}

function parseMetadataItem(item: unknown, where: string, errors: string[]): MetadataItem | undefined {
  if (!isMap(item) || typeof item.name !== 'string' || item.name === '') {
    errors.push(`${where}: every spec.metadata entry needs a name`);
    return undefined;
  }
  const parsed: MetadataItem = { name: item.name };
  if (item.value !== undefined) parsed.value = valueToString(item.value);
  if (item.envRef !== undefined) parsed.envRef = valueToString(item.envRef);
  if (item.secretKeyRef !== undefined) {
    const ref = item.secretKeyRef;
    if (!isMap(ref) || typeof ref.name !== 'string' || ref.name === '') {
      errors.push(`${where}: metadata "${item.name}": secretKeyRef needs a name`);
    } else {
      parsed.secretKeyRef = { name: ref.name, key: typeof ref.key === 'string' && ref.key !== '' ? ref.key : ref.name };
    }
  }
  return parsed;
}

function parseComponent(doc: YamlMap, source: string, errors: string[]): ParsedComponent | undefined {
  const meta = isMap(doc.metadata) ? doc.metadata : {};
  const spec = isMap(doc.spec) ? doc.spec : undefined;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const nameProblem = invalidName(name);
  if (nameProblem) {
    errors.push(`${source}: metadata.name ${nameProblem}`);
    return undefined;
  }
  const where = `${source}: component "${name}"`;
  if (!spec || typeof spec.type !== 'string' || spec.type === '') {
    errors.push(`${where}: spec.type is required`);
    return undefined;
  }
  if (spec.metadata !== undefined && spec.metadata !== null && !Array.isArray(spec.metadata)) {
    errors.push(`${where}: spec.metadata must be a list of {name, value | envRef | secretKeyRef}`);
    return undefined;
  }
  const items = (spec.metadata as unknown[] | undefined) ?? [];
  const auth = isMap(doc.auth) ? doc.auth : {};
  return {
    name,
    type: spec.type,
    version: valueToString(spec.version),
    initTimeout: spec.initTimeout === undefined ? undefined : valueToString(spec.initTimeout),
    ignoreErrors: spec.ignoreErrors === true || spec.ignoreErrors === 'true',
    secretStore: typeof auth.secretStore === 'string' ? auth.secretStore : undefined,
    scopes: Array.isArray(doc.scopes) ? doc.scopes.map(valueToString) : [],
    metadata: items.flatMap((item) => parseMetadataItem(item, where, errors) ?? []),
    source,
  };
}

/** Parses one YAML file that may hold several documents; never throws. */
export function parseComponentFile(text: string, source: string): ParsedFile {
  const result: ParsedFile = { components: [], errors: [], warnings: [] };
  let docs: unknown[];
  try {
    docs = yaml.loadAll(text, null, { filename: source });
  } catch (error) {
    result.errors.push(`${source}: bad YAML: ${(error as Error).message}`);
    return result;
  }
  docs.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    const at = docs.length > 1 ? `${source} (document ${index + 1})` : source;
    if (!isMap(doc)) {
      result.errors.push(`${at}: expected a mapping with apiVersion, kind, metadata and spec`);
      return;
    }
    if (doc.apiVersion !== 'dapr.io/v1alpha1') {
      result.errors.push(`${at}: apiVersion must be dapr.io/v1alpha1, got ${JSON.stringify(doc.apiVersion ?? null)}`);
      return;
    }
    if (doc.kind !== 'Component') {
      if (typeof doc.kind === 'string' && OTHER_DAPR_KINDS.has(doc.kind)) {
        result.warnings.push(`${at}: kind ${doc.kind} is not a component; skipped`);
      } else {
        result.errors.push(`${at}: kind must be Component, got ${JSON.stringify(doc.kind ?? null)}`);
      }
      return;
    }
    const component = parseComponent(doc, at, result.errors);
    if (component) result.components.push(component);
  });
  return result;
}
