import type { Logger } from '../runtime/logger';

/** One operation call as a driver sees it: daprd's `InvokeRequest`. */
export interface InvokeRequest {
  /** The component name. */
  name: string;
  operation: string;
  /** The bytes daprd would pass: Go's `json.Marshal` of the HTTP `data` value. */
  data: Buffer;
  metadata: Record<string, string>;
}

/** What an operation answers: no `data` means 204, any `data` (even empty) means 200. */
export interface InvokeResponse {
  data?: Buffer;
  metadata?: Record<string, string>;
}

/** Per-call context: the deadline's signal and a logger that already names the component. */
export interface OperationContext {
  signal: AbortSignal;
  logger: Logger;
}

/** One operation's implementation. Raw errors mean the backend failed; the pool then rebuilds the driver. */
export type OperationHandler = (request: InvokeRequest, context: OperationContext) => Promise<InvokeResponse | void>;

/** A live binding: exactly the operations its spec lists, and a way to release its connections. */
export interface Driver<Op extends string = string> {
  readonly operations: Readonly<Record<Op, OperationHandler>>;
  close(): Promise<void>;
}

/** What a driver factory receives besides its decoded config. */
export interface DriverContext {
  name: string;
  logger: Logger;
  /** Bounds the creation (connect) of the driver. */
  signal: AbortSignal;
}
