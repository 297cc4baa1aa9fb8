import { randomUUID } from 'node:crypto';
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { BundledComponent } from '../../src/components/types';

/** moto's address, written by `npm run services:up`. Missing is an error, never a skip. */
export function motoEndpoint(): string {
  const endpoint = process.env.MOTO_ENDPOINT;
  if (!endpoint) throw new Error('MOTO_ENDPOINT is not set: run `npm run services:up` (npm test does it for you)');
  return endpoint;
}

/** SDK client options for moto (the shared one unless another endpoint is given), with the test keys. */
export function motoClientConfig(endpoint = motoEndpoint(), region = 'us-east-1') {
  return { endpoint, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
}

/** A resource name no other test run uses (fits S3, SQS, SNS, DynamoDB and Kinesis names: lower case, digits, `-`). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * An AWS output-binding component of the given type reaching moto (the shared one unless another
 * endpoint is given) with the test keys and region us-east-1; an `undefined` in `metadata` leaves that key out.
 */
export function awsComponent(
  name: string,
  type: string,
  metadata: Record<string, string | undefined>,
  endpoint = motoEndpoint(),
): BundledComponent {
  const all = { endpoint, region: 'us-east-1', accessKey: 'test', secretKey: 'test', ...metadata };
  return {
    name,
    type,
    version: 'v1',
    initTimeoutMs: 10_000,
    metadata: Object.entries(all).flatMap(([key, value]) => (value === undefined ? [] : [{ name: key, value }])),
    source: 'test',
  };
}

/** Creates or updates a secret in moto's Secrets Manager. */
export async function putSecret(name: string, value: string): Promise<void> {
  const client = new SecretsManagerClient(motoClientConfig());
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
  const client = new SSMClient(motoClientConfig());
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
