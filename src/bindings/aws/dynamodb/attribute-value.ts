import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { goSyntaxError } from '../../../api/go-json-syntax';
import { formatFloatF } from './go-float';

/** A value `attributevalue.MarshalMap` refuses, with the Go error text (e.g. an empty map key). */
export class GoMarshalError extends Error {}

/**
 * Deepest nesting sent to AWS. DynamoDB refuses more than 32 levels itself (daprd passes its answer
 * on); far deeper data would overflow the stack here and in the SDK, so it is refused before sending.
 */
export const MAX_NESTING = 1_000;

/** daprd would send this item and AWS refuse it; here it is refused before sending. */
export const TOO_DEEP = `the item is nested more than ${MAX_NESTING} levels deep (DynamoDB allows 32); it was not sent`;

/** Go's `json.Unmarshal` text for bytes that are not one JSON value. */
function unmarshalError(data: Buffer): string {
  const syntax = goSyntaxError(data);
  if (syntax === undefined) return 'invalid character after top-level value';
  return syntax === 'EOF' || syntax === 'unexpected EOF' ? 'unexpected end of JSON input' : syntax;
}

/**
 * The AttributeValue aws-sdk-go-v2's `attributevalue.Marshal` makes of a value Go's `json.Unmarshal`
 * decoded into `interface{}`: float64 → N (plain decimal, no exponent), string → S (even empty),
 * bool → BOOL, nil → NULL, slice → L, map → M (even empty). Nothing from JSON becomes a set.
 */
export function toAttributeValue(value: unknown, depth = 1): AttributeValue {
  if (depth > MAX_NESTING) throw new GoMarshalError(TOO_DEEP);
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: formatFloatF(value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value)
        ? { L: value.map((member: unknown) => toAttributeValue(member, depth + 1)) }
        : { M: toAttributeMap(value as object, depth + 1) };
    default:
      throw new GoMarshalError(`marshal failed, unsupported type ${typeof value}`);
  }
}

/** The members of a JSON object; `__proto__` stays an ordinary key. */
function toAttributeMap(object: object, depth: number): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const [key, member] of Object.entries(object)) {
    if (key === '') throw new GoMarshalError('marshal failed, map key cannot be empty');
    Object.defineProperty(map, key, { value: toAttributeValue(member, depth), enumerable: true, writable: true });
  }
  return map;
}

/**
 * daprd's item for `create`: `json.Unmarshal` of the data into `interface{}`, then
 * `attributevalue.MarshalMap`, which answers an empty item (no error) for anything but an object.
 * Throws a {@link GoMarshalError} with Go's text when either step fails.
 */
export function itemOf(data: Buffer): Record<string, AttributeValue> {
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    throw new GoMarshalError(unmarshalError(data));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return toAttributeMap(value, 1);
}
