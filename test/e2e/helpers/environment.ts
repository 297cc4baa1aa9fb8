// The addresses of the serverless-offline instances that global-setup.ts started, read from process.env.

/** The environment variables global-setup.ts sets for the e2e test files. */
export const E2E_ENV = {
  baseUrl: 'E2E_BASE_URL',
  lambdaEndpoint: 'E2E_LAMBDA_ENDPOINT',
  tokenBaseUrl: 'E2E_TOKEN_BASE_URL',
  apiToken: 'E2E_API_TOKEN',
} as const;

/** Reads one variable the global setup exports; throws if it is unset (the global setup did not run). */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest's e2e project (its globalSetup)`);
  return value;
}

/** `http://127.0.0.1:<port>` of the default serverless-offline instance (no DAPR_API_TOKEN). */
export const baseUrl = (): string => required(E2E_ENV.baseUrl);

/** The Lambda endpoint (for `@aws-sdk/client-lambda`) of the default instance. */
export const lambdaEndpoint = (): string => required(E2E_ENV.lambdaEndpoint);

/** `http://127.0.0.1:<port>` of the instance started with `DAPR_API_TOKEN` set. */
export const tokenBaseUrl = (): string => required(E2E_ENV.tokenBaseUrl);

/** The `DAPR_API_TOKEN` the token instance was started with. */
export const apiToken = (): string => required(E2E_ENV.apiToken);

/** The port of a base URL, as the Dapr SDK's `daprPort` wants it. */
export const portOf = (url: string): string => new URL(url).port;
