import { field } from '../bindings/spec';

/** The AWS fields Dapr's AWS secret stores read; with no keys the Lambda role's credentials are used. */
export const awsFields = {
  region: field.string({ description: "AWS region (default: the function's region)." }),
  endpoint: field.string({ description: 'Endpoint override, e.g. a local emulator.' }),
  accessKey: field.string({ description: 'Access key ID; leave out to use the Lambda role.', sensitive: true }),
  secretKey: field.string({ description: 'Secret access key.', sensitive: true }),
  sessionToken: field.string({ description: 'Session token for temporary keys.', sensitive: true }),
};

/** AWS SDK client options from the decoded AWS fields. */
export function awsClientConfig(config: {
  region?: string;
  endpoint?: string;
  accessKey?: string;
  secretKey?: string;
  sessionToken?: string;
}) {
  return {
    region: config.region || process.env.AWS_REGION || 'us-east-1',
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.accessKey
      ? {
          credentials: {
            accessKeyId: config.accessKey,
            secretAccessKey: config.secretKey ?? '',
            ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
          },
        }
      : {}),
    maxAttempts: 2,
  };
}
