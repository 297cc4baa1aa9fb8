/** A transport-neutral HTTP request: what every HTTP event shape is converted to. */
export interface HttpRequest {
  method: string;
  /** The path as sent, still percent-encoded, without a query string. */
  rawPath: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
}

/** A transport-neutral HTTP response. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
