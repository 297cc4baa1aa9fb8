/** Errors inside the project are typed; on the wire they take daprd's `{errorCode, message}` shape. */

/** Base class: a stable Dapr error code, the HTTP status it maps to, and whether a retry may help. */
export class DaprError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 400 ERR_MALFORMED_REQUEST: the body could not be decoded (daprd's `failed deserializing HTTP body: %v`). */
export class MalformedRequestError extends DaprError {
  constructor(readonly detail: string) {
    super('ERR_MALFORMED_REQUEST', 400, `failed deserializing HTTP body: ${detail}`);
  }
}

/** 404 ERR_DIRECT_INVOKE: daprd's service-invocation fallback answer for routes it does not serve. */
export class RouteNotFoundError extends DaprError {
  constructor() {
    super('ERR_DIRECT_INVOKE', 404, 'failed getting app id either from the URL path or the header dapr-app-id');
  }
}

/** 500 ERR_INVOKE_OUTPUT_BINDING: daprd's `error invoking output binding %s: %s`. */
export class InvokeBindingError extends DaprError {
  constructor(
    readonly bindingName: string,
    detail: string,
    options?: { cause?: unknown; retriable?: boolean; metadata?: Record<string, string> },
  ) {
    super(
      'ERR_INVOKE_OUTPUT_BINDING',
      500,
      `error invoking output binding ${bindingName}: ${detail}`,
      options?.retriable ?? false,
      options,
    );
    this.responseMetadata = options?.metadata;
  }

  /** Response metadata a driver returned with its error; daprd still sends it as `metadata.*` headers. */
  readonly responseMetadata: Record<string, string> | undefined;
}

/** The request names no operation (daprd: `operation field is missing from request`). */
export class MissingOperationError extends InvokeBindingError {
  constructor(name: string) {
    super(name, 'operation field is missing from request');
  }
}

/** No output binding of that name is bundled for this stage and app ID. */
export class BindingNotFoundError extends InvokeBindingError {
  constructor(name: string) {
    super(name, `couldn't find output binding ${name}`);
  }
}

/** The binding does not list the operation (exact, case-sensitive match, as daprd). */
export class UnsupportedOperationError extends InvokeBindingError {
  constructor(name: string, operation: string, supported: readonly string[]) {
    super(name, `binding ${name} does not support operation ${operation}. supported operations:${supported.join(' ')}`);
  }
}

/** Request metadata that the driver cannot accept; raised before anything reaches the backend. */
export class InvalidRequestMetadataError extends InvokeBindingError {}

/** The component's configuration is unusable at run time (for example an `envRef` that resolved to a bad value). */
export class ComponentConfigError extends InvokeBindingError {}

/** The backend refused or failed the operation. */
export class DriverFailureError extends InvokeBindingError {}

/** The call did not finish within min(component timeout, remaining Lambda time − margin). */
export class DeadlineExceededError extends InvokeBindingError {
  constructor(name: string, timeoutMs: number) {
    super(name, `deadline of ${timeoutMs}ms exceeded; the outcome of the operation is unknown`, {
      retriable: true,
    });
  }
}

/** 400 ERR_MALFORMED_REQUEST for a `baggage` header OpenTelemetry would not parse. */
export class InvalidBaggageError extends DaprError {
  constructor(detail: string) {
    super('ERR_MALFORMED_REQUEST', 400, `invalid baggage header: ${detail}`);
  }
}
