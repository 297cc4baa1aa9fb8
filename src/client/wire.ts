// The direct-invoke wire shapes, mirrored from src/handlers/invoke.ts so that the client's published types stand
// alone (test/unit/client/types.test.ts fails to compile if the two drift apart).

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
  data?: unknown;
  dataBase64?: string;
  metadata?: Record<string, string>;
  errorCode?: string;
  message?: string;
}
