import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { awsClientConfig } from '../../aws/client-config';
import { defineSecretStore, SecretNotFoundError } from '../spec';
import { spec } from './spec';

/** Secrets Manager store: one SDK client per sandbox; answers `{ [name]: SecretString }` as daprd does. */
export default defineSecretStore(spec, async (config) => {
  const client = new SecretsManagerClient(awsClientConfig(config));
  return {
    async get(name, signal) {
      try {
        const answer = await client.send(new GetSecretValueCommand({ SecretId: name }), { abortSignal: signal });
        const value =
          answer.SecretString ?? (answer.SecretBinary ? Buffer.from(answer.SecretBinary).toString('utf8') : '');
        return { [name]: value };
      } catch (error) {
        if (error instanceof ResourceNotFoundException) throw new SecretNotFoundError('no such secret');
        throw error;
      }
    },
    close: async () => client.destroy(),
  };
});
