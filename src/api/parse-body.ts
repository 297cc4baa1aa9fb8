import { MalformedRequestError } from './errors';

/** The decoded body of `POST /v1.0/bindings/{name}`, as daprd's `OutputBindingRequest`. */
export interface OutputBindingRequestBody {
  operation: string;
  /** The parsed `data` value; `undefined` when absent (daprd marshals both absent and null as `null`). */
  data: unknown;
  metadata: Record<string, string>;
}

/** daprd's cap on a request body (`--max-body-size`, default 4Mi). */
export const MAX_BODY_BYTES = 4 << 20;

/** Parses a request body with Go `encoding/json` semantics, throwing daprd's 400 on any failure. */
export function parseOutputBindingBody(body: Uint8Array): OutputBindingRequestBody {
  if (body.byteLength > MAX_BODY_BYTES) throw new MalformedRequestError('stream too large');
  const value = parseFirstJsonValue(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  return decodeRequestValue(value);
}

/** Decodes an already-parsed JSON value into the request shape, with Go's field-matching rules. */
export function decodeRequestValue(value: unknown): OutputBindingRequestBody {
  const request: OutputBindingRequestBody = { operation: '', data: undefined, metadata: {} };
  if (value === null) return request;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedRequestError(
      `json: cannot unmarshal ${goKind(value)} into Go value of type http.OutputBindingRequest`,
    );
  }
  let firstError: MalformedRequestError | undefined;
  // Go matches field names case-insensitively and lets a later duplicate overwrite an earlier one.
  for (const [key, field] of Object.entries(value)) {
    try {
      switch (key.toLowerCase()) {
        case 'operation':
          request.operation = decodeOperation(field);
          break;
        case 'data':
          request.data = field;
          break;
        case 'metadata':
          request.metadata = decodeMetadata(field);
          break;
      }
    } catch (error) {
      // Go keeps decoding after a type mismatch and reports the first one.
      firstError ??= error as MalformedRequestError;
    }
  }
  if (firstError) throw firstError;
  return request;
}

function decodeOperation(field: unknown): string {
  if (field === null) return '';
  if (typeof field !== 'string') throw fieldTypeError(field, 'operation', 'string');
  return field;
}

function decodeMetadata(field: unknown): Record<string, string> {
  if (field === null) return {};
  if (typeof field !== 'object' || Array.isArray(field)) {
    throw fieldTypeError(field, 'metadata', 'map[string]string');
  }
  const entries = Object.entries(field as Record<string, unknown>).map(([key, item]) => {
    if (item === null) return [key, ''];
    if (typeof item !== 'string') throw fieldTypeError(item, 'metadata', 'string');
    return [key, item];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

function fieldTypeError(value: unknown, field: string, goType: string): MalformedRequestError {
  return new MalformedRequestError(
    `json: cannot unmarshal ${goKind(value)} into Go struct field OutputBindingRequest.${field} of type ${goType}`,
  );
}

function goKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** Parses the first JSON value of `text` and ignores what follows it, as Go's `json.Decoder.Decode` does. */
function parseFirstJsonValue(text: string): unknown {
  if (text.trim() === '') throw new MalformedRequestError('EOF');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const trailing = /non-whitespace character after JSON at position (\d+)/.exec(message);
    if (trailing) return JSON.parse(text.slice(0, Number(trailing[1])));
    throw new MalformedRequestError(goSyntaxError(text, message));
  }
}

// An approximation of Go's syntax error text; Go's exact wording depends on its scanner state.
function goSyntaxError(text: string, v8Message: string): string {
  if (/end of JSON input|Unterminated string/.test(v8Message)) return 'unexpected EOF';
  const position = /position (\d+)/.exec(v8Message);
  const offset = position ? Number(position[1]) : text.search(/\S/);
  const ch = text[offset] ?? '';
  if (ch === '') return 'unexpected EOF';
  return `invalid character ${JSON.stringify(ch).replace(/^"|"$/g, "'")} looking for beginning of value`;
}
