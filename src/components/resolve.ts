import { randomUUID } from 'node:crypto';
import type { BundledComponent } from './types';

/** Why an `envRef` name is refused, or undefined when Dapr allows it (`isEnvVarAllowed` in daprd). */
export function refusedEnvRef(name: string): string | undefined {
  if (name.trim() === '') return 'an empty name';
  if (/\s/.test(name)) return 'a name with white space';
  const upper = name.toUpperCase();
  if (upper.startsWith('DAPR_')) return 'names starting with DAPR_ are reserved';
  if (upper === 'APP_API_TOKEN') return 'APP_API_TOKEN is reserved';
  return undefined;
}

/** Identity used by templates: `{appID}`, `{namespace}` (daprd expands it to `<namespace>.<appID>`). */
export interface TemplateContext {
  appId: string;
  namespace?: string;
}

/** Expands daprd's placeholders in a metadata value; `{uuid}` is a new UUID at each occurrence. */
export function expandTemplates(value: string, context: TemplateContext): string {
  return value.replace(/\{(uuid|appID|namespace|podName)\}/g, (_, name: string) => {
    switch (name) {
      case 'uuid':
        return randomUUID();
      case 'appID':
        return context.appId;
      case 'namespace':
        return `${context.namespace ?? 'default'}.${context.appId}`;
      default:
        throw new Error('{podName} has no value on AWS Lambda');
    }
  });
}

/**
 * Turns a component's metadata into the string properties a driver decodes: literal values,
 * `envRef` read from the environment (a missing variable is empty, as daprd), secrets, templates expanded.
 */
export function resolveProperties(
  component: Pick<BundledComponent, 'metadata'>,
  env: NodeJS.ProcessEnv,
  context: TemplateContext,
  /** The values of the component's `secretKeyRef`s, by field name, already read from its store. */
  secrets: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const item of component.metadata) {
    let value = item.value ?? '';
    if (value === '' && item.envRef !== undefined) {
      const refused = refusedEnvRef(item.envRef);
      if (refused) throw new Error(`metadata "${item.name}": envRef ${item.envRef} is refused: ${refused}`);
      value = env[item.envRef] ?? '';
    }
    if (item.secretKeyRef !== undefined && value === '') {
      const secret = secrets[item.name];
      if (secret === undefined) throw new Error(`metadata "${item.name}": its secret was not read`);
      value = secret;
    }
    properties[item.name] = expandTemplates(value, context);
  }
  return properties;
}
