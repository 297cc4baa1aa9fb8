import { MalformedRequestError } from './errors';
import { goSyntaxError, MAX_NESTING_DEPTH } from './go-json-syntax';
import { goMarshalBytes, NonFiniteNumberError } from './go-json';
import { decodeUtf8AsGo } from './go-utf8';

/** The decoded body of `POST /v1.0/bindings/{name}`, as daprd's `OutputBindingRequest`. */
export interface OutputBindingRequestBody {
  operation: string;
  /** The parsed `data` value; `undefined` when absent (daprd marshals both absent and null as `null`). */
  data: unknown;
  metadata: Record<string, string>;
}

/** A decoded request with `data` already re-encoded into the bytes a binding receives. */
export interface OutputBindingRequest {
  operation: string;
  data: Buffer;
  metadata: Record<string, string>;
}

/** daprd's cap on a request body (`--max-body-size`, default 4Mi). */
export const MAX_BODY_BYTES = 4 << 20;

/** Parses a request body with Go `encoding/json` semantics, throwing daprd's 400 on any failure. */
export function parseOutputBindingBody(body: Uint8Array): OutputBindingRequest {
  if (body.byteLength > MAX_BODY_BYTES) throw new MalformedRequestError('stream too large');
  const text = decodeUtf8AsGo(body);
  const request = decodeRequestValue(parseFirstJsonValue(body, text));
  return { ...request, data: marshalData(request.data, text) };
}

/**
 * daprd's `json.Marshal(req.Data)`. A number beyond float64 (`1e400`) is refused as Go's decoder
 * refuses it; `source` is the request text, to quote the literal as Go does.
 */
export function marshalData(data: unknown, source?: string): Buffer {
  try {
    return goMarshalBytes(data);
  } catch (error) {
    if (!(error instanceof NonFiniteNumberError)) throw error;
    const literal =
      source?.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)?.find((n) => !Number.isFinite(Number(n))) ?? error.message;
    throw new MalformedRequestError(
      `json: cannot unmarshal number ${literal} into Go struct field OutputBindingRequest.data of type float64`,
    );
  }
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

/** Whether brackets nest deeper than Go allows, ignoring brackets inside strings. */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > MAX_NESTING_DEPTH) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth -= 1;
  }
  return false;
}

/** Parses the first JSON value and ignores what follows it, as Go's `json.Decoder.Decode` does. */
function parseFirstJsonValue(bytes: Uint8Array, text: string): unknown {
  const syntaxError = () => new MalformedRequestError(goSyntaxError(bytes) ?? 'unexpected EOF');
  // Only a body longer than the limit can nest deeper than it; V8's parser has no such limit.
  if (text.length > MAX_NESTING_DEPTH && nestsTooDeep(text)) throw syntaxError();
  try {
    return JSON.parse(text);
  } catch (error) {
    if (text.trim() === '') throw new MalformedRequestError('EOF');
    const trailing = /non-whitespace character after JSON at position (\d+)/.exec((error as Error).message);
    if (trailing && goSyntaxError(bytes) === undefined) return JSON.parse(text.slice(0, Number(trailing[1])));
    throw syntaxError();
  }
}
