import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  GoMarshalError,
  itemOf,
  MAX_NESTING,
  TOO_DEEP,
  toAttributeValue,
} from '../../../../../src/bindings/aws/dynamodb/attribute-value';
import { goMarshalBytes } from '../../../../../src/api/go-json';

/** The bytes daprd hands the binding for an HTTP `data` value (Go's json.Marshal of it). */
const dataOf = (value: unknown) => goMarshalBytes(value);

// Expected items are what aws-sdk-go-v2 attributevalue v1.19.3 (daprd's) MarshalMap makes of
// json.Unmarshal(data, &interface{}), checked against a Go program using that module.
const items: Array<[string, unknown, Record<string, AttributeValue>]> = [
  ['a string', { id: 'a' }, { id: { S: 'a' } }],
  ['an empty string (S, not NULL)', { id: 'a', e: '' }, { id: { S: 'a' }, e: { S: '' } }],
  ['a whole number', { n: 42 }, { n: { N: '42' } }],
  ['zero (N, not NULL)', { n: 0 }, { n: { N: '0' } }],
  ['a fraction', { n: -0.5 }, { n: { N: '-0.5' } }],
  ['negative zero, sign kept', { n: -0 }, { n: { N: '-0' } }],
  ['a large number, without exponent', { n: 1e21 }, { n: { N: '1000000000000000000000' } }],
  ['an integer past float64 precision', { n: Number('12345678901234567890') }, { n: { N: '12345678901234567000' } }],
  ['a small number, without exponent', { n: 1e-7 }, { n: { N: '0.0000001' } }],
  ['booleans (false too)', { t: true, f: false }, { t: { BOOL: true }, f: { BOOL: false } }],
  ['null', { z: null }, { z: { NULL: true } }],
  ['an empty list (L, not NULL)', { l: [] }, { l: { L: [] } }],
  ['an empty map (M, not NULL)', { m: {} }, { m: { M: {} } }],
  [
    'a mixed list (L, never a set)',
    { l: ['x', 1, true, null, ['y'], { k: 'v' }] },
    {
      l: {
        L: [{ S: 'x' }, { N: '1' }, { BOOL: true }, { NULL: true }, { L: [{ S: 'y' }] }, { M: { k: { S: 'v' } } }],
      },
    },
  ],
  ['a list of strings (L, not SS)', { l: ['a', 'b'] }, { l: { L: [{ S: 'a' }, { S: 'b' }] } }],
  [
    'nested maps',
    { a: { b: { c: 1, d: [null] } } },
    { a: { M: { b: { M: { c: { N: '1' }, d: { L: [{ NULL: true }] } } } } } },
  ],
  ['escaped text, decoded', { s: '<a&b>\u00e9\n' }, { s: { S: '<a&b>é\n' } }],
  ['an empty object (empty item)', {}, {}],
  ['a string (empty item)', 'hello', {}],
  ['a number (empty item)', 1, {}],
  ['true (empty item)', true, {}],
  ['null (empty item)', null, {}],
  ['an array (empty item)', [{ id: 'a' }], {}],
];

describe('itemOf (daprd: json.Unmarshal, then attributevalue.MarshalMap)', () => {
  it.each(items)('maps %s', (_label, data, expected) => {
    expect(itemOf(dataOf(data))).toEqual(expected);
  });

  it('keeps __proto__ as an ordinary attribute name', () => {
    const item = itemOf(Buffer.from('{"__proto__":{"x":1},"id":"a"}'));
    expect(Object.keys(item)).toEqual(['__proto__', 'id']);
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ M: { x: { N: '1' } } });
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
  });

  it.each([
    ['at the top', { '': 1, id: 'a' }],
    ['in a nested map', { id: 'a', m: { '': 1 } }],
    ['in a map inside a list', { id: 'a', l: [{ '': null }] }],
  ])('refuses an empty map key %s with Go text', (_label, data) => {
    expect(() => itemOf(dataOf(data))).toThrow(new GoMarshalError('marshal failed, map key cannot be empty'));
  });

  it.each([
    ['', 'unexpected end of JSON input'],
    ['{"a":', 'unexpected end of JSON input'],
    ['hello', "invalid character 'h' looking for beginning of value"],
  ])('answers Go json.Unmarshal text for bytes that are not JSON (%p)', (bytes, message) => {
    expect(() => itemOf(Buffer.from(bytes))).toThrow(new GoMarshalError(message));
  });
});

describe('itemOf nesting bound', () => {
  /** An item whose attribute `x` is `levels` nested lists. */
  const nested = (levels: number) => Buffer.from(`{"id":"a","x":${'['.repeat(levels)}${']'.repeat(levels)}}`);

  it("maps nesting far past DynamoDB's 32 levels, for AWS to refuse as it does for daprd", () => {
    let value = itemOf(nested(MAX_NESTING)).x;
    let levels = 0;
    while (value?.L !== undefined) {
      levels += 1;
      value = value.L[0];
    }
    expect(levels).toBe(MAX_NESTING);
  });

  it('refuses deeper nesting before sending, instead of overflowing the stack', () => {
    expect(() => itemOf(nested(MAX_NESTING + 1))).toThrow(new GoMarshalError(TOO_DEEP));
    expect(() => itemOf(nested(9_999))).toThrow(new GoMarshalError(TOO_DEEP));
  });
});

describe('toAttributeValue', () => {
  it('maps a top-level scalar as Go would inside a map', () => {
    expect(toAttributeValue('x')).toEqual({ S: 'x' });
    expect(toAttributeValue(2.5)).toEqual({ N: '2.5' });
    expect(toAttributeValue(null)).toEqual({ NULL: true });
  });
});
