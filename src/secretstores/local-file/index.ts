import { readFile } from 'node:fs/promises';
import { defineSecretStore, SecretNotFoundError } from '../spec';
import { spec } from './spec';

/** Flattens nested objects into `a:b:c` names, as Dapr's local file store does. */
export function flatten(
  value: unknown,
  separator: string,
  prefix = '',
  into: Record<string, string> = {},
): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      flatten(item, separator, prefix ? `${prefix}${separator}${key}` : key, into);
  } else {
    into[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return into;
}

/** Reads the file once per sandbox; `multiValued` answers every key of a top-level secret. */
export default defineSecretStore(spec, async (config) => {
  const document: unknown = JSON.parse(await readFile(config.secretsFile, 'utf8'));
  const flat = flatten(document, config.nestedSeparator);
  const top = (document ?? {}) as Record<string, unknown>;
  return {
    async get(name) {
      if (config.multiValued) {
        if (!(name in top)) throw new SecretNotFoundError('no such secret in the file');
        const item = top[name];
        return typeof item === 'object' && item !== null
          ? flatten(item, config.nestedSeparator)
          : { [name]: String(item) };
      }
      const value = flat[name];
      if (value === undefined) throw new SecretNotFoundError('no such secret in the file');
      return { [name]: value };
    },
    close: async () => undefined,
  };
});
