/** The AWS authentication fields daprd's AWS bindings read (common/aws/auth), and the SDK client options from them. */
import { awsClientConfig, awsFields } from './client-config';
import { field } from '../bindings/spec';

/** Bound of one TCP connect to the AWS endpoint. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Bound of one HTTP exchange once connected. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Attempts of one call (the SDK retries a throttle, a 5xx or a dropped connection once). */
export const MAX_ATTEMPTS = 2;

/** Bound of one SDK call: each attempt's connect and exchange. */
export const CALL_TIMEOUT_MS = MAX_ATTEMPTS * (CONNECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS);

/** Refusal of the x509 (IAM Roles Anywhere) profile daprd selects when all three of its fields are set. */
export const X509_UNSUPPORTED =
  'IAM Roles Anywhere authentication (trustAnchorArn, trustProfileArn and assumeRoleArn) is not supported yet; use the Lambda role or accessKey/secretKey';

/**
 * daprd's AWS fields for these bindings: region, endpoint and keys (common/aws/auth `Options`), plus
 * the x509 trio its `isX509Auth` looks at. `assumeRoleArn` alone is not passed on by these bindings.
 */
export const awsAuthFields = {
  ...awsFields,
  assumeRoleArn: field.string({
    description: 'Only used by daprd together with trustAnchorArn and trustProfileArn (IAM Roles Anywhere).',
    ignored: true,
  }),
  assumeRoleSessionName: field.string({ description: 'Not used by this binding in daprd either.', ignored: true }),
  trustAnchorArn: field.string({ description: 'IAM Roles Anywhere trust anchor: not supported yet.' }),
  trustProfileArn: field.string({ description: 'IAM Roles Anywhere profile: not supported yet.' }),
};

interface AwsAuthConfig {
  region?: string;
  endpoint?: string;
  accessKey?: string;
  secretKey?: string;
  sessionToken?: string;
  assumeRoleArn?: string;
  trustAnchorArn?: string;
  trustProfileArn?: string;
}

/** The build-time refusals for the AWS fields: only IAM Roles Anywhere, which daprd picks when all three are set. */
export function validateAwsAuth(config: AwsAuthConfig): string[] {
  return config.trustAnchorArn && config.trustProfileArn && config.assumeRoleArn ? [X509_UNSUPPORTED] : [];
}

/**
 * SDK client options: daprd uses static keys only when both accessKey and secretKey are set, and the
 * default credential chain (here the Lambda role) otherwise. Bounded connects and exchanges.
 */
export function sdkClientConfig(config: AwsAuthConfig) {
  const keys = config.accessKey && config.secretKey;
  return {
    ...awsClientConfig({ ...config, accessKey: keys ? config.accessKey : undefined }),
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  };
}
