/** daprd's decoding of the SNS binding's data: `json.Unmarshal` into `dataPayload{Message, Subject interface{}}`. */
import { InvalidRequestMetadataError } from '../../../api/errors';
import { goSyntaxError } from '../../../api/go-json-syntax';
import { goSprintV } from './go-format';

/** What one `create` publishes: both always set, `<nil>` when the field was absent or null (Go's `%v` of nil). */
export interface SnsMessage {
  message: string;
  subject: string;
}

/** Go's `UnmarshalTypeError` text for a JSON value that is not an object, decoded into the struct. */
function typeError(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
  return `json: cannot unmarshal ${kind} into Go value of type sns.dataPayload`;
}

/**
 * Go's `encoding/json` field matching: an exact name, else a case-insensitive one (with the Unicode
 * simple folds that reach ASCII letters: ſ is s, the Kelvin sign is k).
 */
function foldName(name: string): string {
  return name
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k');
}

/** The last key naming the field, as Go assigns each matching key in document order. */
function fieldValue(object: Record<string, unknown>, name: string): unknown {
  let value: unknown = null;
  for (const [key, item] of Object.entries(object)) if (key === name || foldName(key) === name) value = item;
  return value;
}

/** The message and subject daprd publishes for the data, or daprd's error (nothing is published then). */
export function decodeSnsPayload(bindingName: string, data: Buffer): SnsMessage {
  const syntax = data.length === 0 ? 'unexpected end of JSON input' : goSyntaxError(data);
  if (syntax !== undefined) throw new InvalidRequestMetadataError(bindingName, syntax);
  const value: unknown = JSON.parse(data.toString('utf8'));
  if (value === null) return { message: '<nil>', subject: '<nil>' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidRequestMetadataError(bindingName, typeError(value));
  }
  const object = value as Record<string, unknown>;
  return { message: goSprintV(fieldValue(object, 'message')), subject: goSprintV(fieldValue(object, 'subject')) };
}
