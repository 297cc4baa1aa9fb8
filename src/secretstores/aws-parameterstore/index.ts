import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { awsClientConfig } from '../../aws/client-config';
import { defineSecretStore, SecretNotFoundError } from '../spec';
import { spec } from './spec';

/** Parameter Store: one SDK client per sandbox; answers `{ [name]: value }` as daprd does. */
export default defineSecretStore(spec, async (config) => {
  const client = new SSMClient(awsClientConfig(config));
  return {
    async get(name, signal) {
      try {
        const command = new GetParameterCommand({ Name: `${config.prefix}${name}`, WithDecryption: true });
        const answer = await client.send(command, { abortSignal: signal });
        return { [name]: answer.Parameter?.Value ?? '' };
      } catch (error) {
        if (error instanceof ParameterNotFound) throw new SecretNotFoundError('no such parameter');
        throw error;
      }
    },
    close: async () => client.destroy(),
  };
});
