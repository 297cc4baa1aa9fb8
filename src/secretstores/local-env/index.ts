import { defineSecretStore, SecretNotFoundError } from '../spec';
import { spec } from './spec';

/** Reads `<prefix><name>` from the environment; a variable that is not set is a missing secret. */
export default defineSecretStore(spec, async (config) => ({
  async get(name) {
    const value = process.env[`${config.prefix}${name}`];
    if (value === undefined) throw new SecretNotFoundError('no such environment variable');
    return { [name]: value };
  },
  close: async () => undefined,
}));
