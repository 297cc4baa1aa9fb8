// The client's public types: the build-time binding declarations and what the calls take and return.
import type { DaprBindingError } from './errors';

/**
 * The output bindings a stage bundles, component name → union of its operation names; empty (untyped) by default.
 * The stage's generated declaration file (see `bindingDeclarations`) fills it by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty on purpose: filled by declaration merging
export interface BundledBindings {}

/** Request or response metadata: string keys to string values, as in Dapr's bindings API. */
export type BindingMetadata = Record<string, string>;

/** The binding names a client accepts: the keys of `B`, or any string when `B` declares none. */
export type BindingName<B> = [keyof B] extends [never] ? string : Extract<keyof B, string>;

/** The operations binding `N` accepts: its declared operations, or any string when `B` declares no binding. */
export type BindingOperation<B, N extends string> = [keyof B] extends [never]
  ? string
  : N extends keyof B
    ? Extract<B[N], string>
    : never;

/** One request of a batch: a binding, one of its operations, and optional data and metadata. */
export type BindingRequest<B = BundledBindings> = {
  [N in BindingName<B>]: { name: N; operation: BindingOperation<B, N>; data?: unknown; metadata?: BindingMetadata };
}[BindingName<B>];

/** A successful answer: the response data (JSON value, text, or a Buffer for other bytes) and metadata. */
export interface BindingResponse {
  /** `undefined` when the binding returned no data (HTTP 204). */
  data: unknown;
  metadata: BindingMetadata;
}

/** One answer of a batch, in request order: the response, or the Dapr error of that request alone. */
export type BatchResult = ({ ok: true } & BindingResponse) | { ok: false; error: DaprBindingError };
