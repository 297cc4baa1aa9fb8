// The direct-invoke wire shapes: the one definition that both the handler (src/handlers/invoke.ts) and the
// client use. It lives here so that the client's published types stand alone.

/** The event of one direct invoke: the HTTP body's fields plus the binding's name. */
export interface WireEvent {
  name: string;
  operation: string;
  data?: unknown;
  metadata?: Record<string, string>;
}

/** The function's answer to one event: `{statusCode, data?, dataBase64?, metadata?, errorCode?, message?}`. */
export interface WireAnswer {
  statusCode: number;
  /** The response bytes parsed as JSON when they are JSON, else as text (what the Dapr JS SDK returns). */
  data?: unknown;
  /** The response bytes, base64-encoded, when they are not UTF-8 text. */
  dataBase64?: string;
  metadata?: Record<string, string>;
  errorCode?: string;
  message?: string;
}
