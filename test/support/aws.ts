import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/** moto's address, written by `npm run services:up`. Missing is an error, never a skip. */
export function motoEndpoint(): string {
  const endpoint = process.env.MOTO_ENDPOINT;
  if (!endpoint) throw new Error('MOTO_ENDPOINT is not set: run `npm run services:up` (npm test does it for you)');
  return endpoint;
}

const clientConfig = () => ({
  endpoint: motoEndpoint(),
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

/** Creates or updates a secret in moto's Secrets Manager. */
export async function putSecret(name: string, value: string): Promise<void> {
  const client = new SecretsManagerClient(clientConfig());
  try {
    await client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  } catch {
    await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }));
  } finally {
    client.destroy();
  }
}

/** Creates or overwrites a SecureString parameter in moto's Parameter Store. */
export async function putParameter(name: string, value: string): Promise<void> {
  const client = new SSMClient(clientConfig());
  try {
    await client.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString', Overwrite: true }));
  } finally {
    client.destroy();
  }
}

/** The metadata an AWS secret store component needs to reach moto. */
export function motoStoreMetadata(): Record<string, string> {
  return { endpoint: motoEndpoint(), region: 'us-east-1', accessKey: 'test', secretKey: 'test' };
}
