// Sends one event to the function with @aws-sdk/client-lambda and returns its JSON answer; every Lambda-level
// failure (SDK error, timeout, FunctionError, unreadable payload) becomes a BindingsInvokeError naming the function.
import { InvokeCommand, LambdaClient, type InvokeCommandOutput, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { BindingsInvokeError } from './errors';

/** Defaults for a LambdaClient the bindings client creates; each is overridable through `clientConfig`. */
export const CLIENT_DEFAULTS = {
  /** One retry (throttling, a reset connection); a retried synchronous invoke may run the function twice. */
  maxAttempts: 2,
  /** Bound of the TCP/TLS connect, per attempt. */
  connectionTimeoutMs: 3_000,
  /** Bound of one attempt, request to last response byte: the function's 10 s timeout plus a cold start. */
  requestTimeoutMs: 15_000,
} as const;

/** The function one client invokes, and the LambdaClient it uses. */
export interface LambdaTarget {
  lambda: LambdaClient;
  functionName: string;
  /** A version or alias; unset invokes $LATEST (or what the name/ARN says). */
  qualifier?: string;
}

/** Creates a LambdaClient with bounded timeouts and attempts, `config` taking precedence over the defaults. */
export function createLambdaClient(config: LambdaClientConfig = {}): LambdaClient {
  const handler = config.requestHandler;
  // An options object (not a handler instance) is merged over the defaults, so one field can be overridden alone.
  const requestHandler =
    handler === undefined || !('handle' in handler)
      ? {
          connectionTimeout: CLIENT_DEFAULTS.connectionTimeoutMs,
          requestTimeout: CLIENT_DEFAULTS.requestTimeoutMs,
          // Without it, smithy only logs a warning when requestTimeout passes.
          throwOnRequestTimeout: true,
          ...handler,
        }
      : handler;
  return new LambdaClient({
    ...config,
    maxAttempts: config.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    requestHandler,
  });
}

/** The name of the function as error messages show it, with its qualifier. */
function describeTarget(target: LambdaTarget): string {
  return target.qualifier === undefined ? target.functionName : `${target.functionName}:${target.qualifier}`;
}

/** A one-line description of an SDK or network error (Node's AggregateError of a dual-stack connect has no message). */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner =
    error instanceof AggregateError ? (error.errors as unknown[]).find((e) => e instanceof Error) : undefined;
  const message = error.message || (inner instanceof Error ? inner.message : '');
  const code = (error as { code?: unknown }).code;
  const text = message || (typeof code === 'string' ? code : 'no message');
  return `${error.name}: ${text}`;
}

/** Sends one InvokeCommand, turning whatever the SDK throws into a BindingsInvokeError. */
async function invoke(
  target: LambdaTarget,
  event: unknown,
  invocationType: 'RequestResponse' | 'Event',
): Promise<InvokeCommandOutput> {
  const command = new InvokeCommand({
    FunctionName: target.functionName,
    Qualifier: target.qualifier,
    InvocationType: invocationType,
    Payload: Buffer.from(JSON.stringify(event), 'utf8'),
  });
  try {
    return await target.lambda.send(command);
  } catch (error) {
    throw new BindingsInvokeError(
      `invoking Lambda function ${describeTarget(target)} failed: ${describeCause(error)}`,
      { functionName: target.functionName, cause: error },
    );
  }
}

/** Parses a payload as JSON; undefined when it is empty or not JSON. */
function parsePayload(payload: Uint8Array | undefined): { value: unknown } | undefined {
  const text = payload === undefined ? '' : Buffer.from(payload).toString('utf8');
  if (text === '') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The function's own error report (`{errorType, errorMessage}`) as one line. */
function describeFunctionError(report: unknown): string {
  if (typeof report !== 'object' || report === null) return 'no error report';
  const { errorType, errorMessage } = report as { errorType?: unknown; errorMessage?: unknown };
  const type = typeof errorType === 'string' ? errorType : 'Error';
  return typeof errorMessage === 'string' ? `${type}: ${errorMessage}` : type;
}

/** Invokes synchronously and returns the function's JSON answer, unvalidated. */
export async function invokeForAnswer(target: LambdaTarget, event: unknown): Promise<unknown> {
  const output = await invoke(target, event, 'RequestResponse');
  const parsed = parsePayload(output.Payload);
  if (output.FunctionError !== undefined) {
    throw new BindingsInvokeError(
      `Lambda function ${describeTarget(target)} failed (FunctionError ${output.FunctionError}): ${describeFunctionError(parsed?.value)}`,
      { functionName: target.functionName, functionError: output.FunctionError, cause: parsed?.value },
    );
  }
  if (parsed === undefined) {
    throw new BindingsInvokeError(
      `Lambda function ${describeTarget(target)} answered a payload that is not JSON (status ${output.StatusCode})`,
      { functionName: target.functionName },
    );
  }
  return parsed.value;
}

/** Invokes asynchronously (InvocationType Event); resolves once Lambda accepted the event (status 202). */
export async function invokeAsync(target: LambdaTarget, event: unknown): Promise<void> {
  const output = await invoke(target, event, 'Event');
  if (output.StatusCode !== 202) {
    throw new BindingsInvokeError(
      `Lambda function ${describeTarget(target)} did not accept the event (status ${output.StatusCode}, expected 202)`,
      { functionName: target.functionName, functionError: output.FunctionError },
    );
  }
}

/** Fails with a BindingsInvokeError naming the target: the function answered something that is no Dapr answer. */
export function unreadableAnswer(target: LambdaTarget, detail: string): BindingsInvokeError {
  return new BindingsInvokeError(`Lambda function ${describeTarget(target)} answered ${detail}`, {
    functionName: target.functionName,
  });
}
