// The direct-invoke client: Dapr's `binding.send` call shape over one Lambda invoke per call (or per batch).
import type { LambdaClient, LambdaClientConfig } from '@aws-sdk/client-lambda';

import { readAnswer } from './answer';
import {
  createLambdaClient,
  invokeAsync,
  invokeForAnswer,
  unreadableAnswer,
  type LambdaTarget,
} from './lambda-transport';
import type {
  BatchResult,
  BindingMetadata,
  BindingName,
  BindingOperation,
  BindingRequest,
  BindingResponse,
  BundledBindings,
} from './types';
import type { WireEvent } from './wire';

interface TargetOptions {
  /** The function's name, ARN or partial ARN, e.g. `dapr-bindings-prod-bindings`. */
  functionName: string;
  /** A version or alias to invoke. */
  qualifier?: string;
}

/** How to construct a BindingsClient: the function, and either a LambdaClient to use or a config for a new one. */
export type BindingsClientOptions = TargetOptions &
  (
    | {
        /** A client you own: its timeouts and retries apply, and `destroy()` leaves it open. */
        lambdaClient: LambdaClient;
        clientConfig?: never;
      }
    | {
        /** Config for the LambdaClient this client creates, over bounded defaults (see CLIENT_DEFAULTS). */
        clientConfig?: LambdaClientConfig;
        lambdaClient?: never;
      }
  );

/** The event for one request, as the Dapr JS SDK sends its body: `data` left out when undefined, metadata `{}`. */
function toEvent(name: string, operation: string, data: unknown, metadata: BindingMetadata | undefined): WireEvent {
  return { name, operation, ...(data === undefined ? {} : { data }), metadata: metadata ?? {} };
}

/** Invokes the bindings function directly; `B` (default: the merged BundledBindings) types names and operations. */
export class BindingsClient<B = BundledBindings> {
  private readonly target: LambdaTarget;
  private readonly ownsLambda: boolean;

  constructor(options: BindingsClientOptions) {
    this.ownsLambda = options.lambdaClient === undefined;
    this.target = {
      lambda: options.lambdaClient ?? createLambdaClient(options.clientConfig),
      functionName: options.functionName,
      qualifier: options.qualifier,
    };
  }

  /** Invokes one binding operation, as `client.binding.send`; throws DaprBindingError or BindingsInvokeError. */
  async send<N extends BindingName<B>>(
    name: N,
    operation: BindingOperation<B, N>,
    data?: unknown,
    metadata?: BindingMetadata,
  ): Promise<BindingResponse> {
    const value = await invokeForAnswer(this.target, toEvent(name, operation, data, metadata));
    const result = readAnswer(value);
    if (typeof result === 'string') throw unreadableAnswer(this.target, result);
    if (!result.ok) throw result.error;
    return { data: result.data, metadata: result.metadata };
  }

  /**
   * Sends the requests in one invoke (the function runs them one after another) and returns their results in order;
   * a request's Dapr error is its result, not a throw. A Lambda-level failure throws BindingsInvokeError.
   */
  async batch(requests: readonly BindingRequest<B>[]): Promise<BatchResult[]> {
    if (requests.length === 0) return [];
    const events = requests.map((r) => toEvent(r.name, r.operation, r.data, r.metadata));
    const value = await invokeForAnswer(this.target, events);
    if (!Array.isArray(value) || value.length !== requests.length) {
      throw unreadableAnswer(this.target, `no array of ${requests.length} answers to a batch of ${requests.length}`);
    }
    return value.map((item: unknown, index) => {
      const result = readAnswer(item);
      if (typeof result === 'string') throw unreadableAnswer(this.target, `answer ${index} with ${result}`);
      return result;
    });
  }

  /**
   * Invokes asynchronously (InvocationType `Event`): resolves once Lambda accepted the event (202). Results and
   * errors are not returned: a Dapr error is only logged by the function; Lambda retries only a crash or timeout.
   */
  async sendAndForget<N extends BindingName<B>>(
    name: N,
    operation: BindingOperation<B, N>,
    data?: unknown,
    metadata?: BindingMetadata,
  ): Promise<void> {
    await invokeAsync(this.target, toEvent(name, operation, data, metadata));
  }

  /** Closes the LambdaClient this client created (its sockets); one passed in as `lambdaClient` is left open. */
  destroy(): void {
    if (this.ownsLambda) this.target.lambda.destroy();
  }
}
