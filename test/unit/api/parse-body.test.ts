import { MalformedRequestError } from '../../../src/api/errors';
import { MAX_BODY_BYTES, parseOutputBindingBody } from '../../../src/api/parse-body';

const parse = (text: string) => parseOutputBindingBody(Buffer.from(text));

function messageOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedRequestError);
    return (error as Error).message;
  }
  throw new Error('expected a MalformedRequestError');
}

describe('parseOutputBindingBody', () => {
  it('decodes operation, data and metadata', () => {
    expect(parse('{"operation":"create","data":{"a":1},"metadata":{"k":"v"}}')).toEqual({
      operation: 'create',
      data: { a: 1 },
      metadata: { k: 'v' },
    });
  });

  it('matches field names case-insensitively, as Go does', () => {
    expect(parse('{"OPERATION":"create","Data":"x","MetaData":{"k":"v"}}')).toEqual({
      operation: 'create',
      data: 'x',
      metadata: { k: 'v' },
    });
  });

  it('ignores unknown fields', () => {
    expect(parse('{"dat":"x","operation":"create"}')).toEqual({ operation: 'create', data: undefined, metadata: {} });
  });

  it('reads only the first JSON value and ignores trailing bytes', () => {
    expect(parse('{"operation":"create"} trailing garbage').operation).toBe('create');
  });

  it('accepts null and {} as an empty request', () => {
    expect(parse('null')).toEqual({ operation: '', data: undefined, metadata: {} });
    expect(parse('{}')).toEqual({ operation: '', data: undefined, metadata: {} });
  });

  it('treats null operation and metadata as empty, and a null metadata value as ""', () => {
    expect(parse('{"operation":null,"metadata":{"a":null}}')).toEqual({
      operation: '',
      data: undefined,
      metadata: { a: '' },
    });
  });

  it('keeps a metadata key named __proto__ as an ordinary key', () => {
    const { metadata } = parse('{"metadata":{"__proto__":"x"}}');
    expect(Object.keys(metadata)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
  });

  it.each([
    ['an empty body', '', 'failed deserializing HTTP body: EOF'],
    ['white space only', '  \n', 'failed deserializing HTTP body: EOF'],
    [
      'a string literal',
      '"create"',
      'failed deserializing HTTP body: json: cannot unmarshal string into Go value of type http.OutputBindingRequest',
    ],
    [
      'an array',
      '[1]',
      'failed deserializing HTTP body: json: cannot unmarshal array into Go value of type http.OutputBindingRequest',
    ],
    [
      'a number operation',
      '{"operation":1}',
      'failed deserializing HTTP body: json: cannot unmarshal number into Go struct field OutputBindingRequest.operation of type string',
    ],
    [
      'a bool operation',
      '{"operation":true}',
      'failed deserializing HTTP body: json: cannot unmarshal bool into Go struct field OutputBindingRequest.operation of type string',
    ],
    [
      'a number metadata value',
      '{"metadata":{"n":1}}',
      'failed deserializing HTTP body: json: cannot unmarshal number into Go struct field OutputBindingRequest.metadata of type string',
    ],
    [
      'metadata that is a string',
      '{"metadata":"x"}',
      'failed deserializing HTTP body: json: cannot unmarshal string into Go struct field OutputBindingRequest.metadata of type map[string]string',
    ],
    [
      'metadata that is an array',
      '{"metadata":["x"]}',
      'failed deserializing HTTP body: json: cannot unmarshal array into Go struct field OutputBindingRequest.metadata of type map[string]string',
    ],
    ['a truncated object', '{"operation":"cre', 'failed deserializing HTTP body: unexpected EOF'],
    ['a bare word', 'hello', "failed deserializing HTTP body: invalid character 'h' looking for beginning of value"],
  ])('rejects %s with 400 ERR_MALFORMED_REQUEST', (_, body, message) => {
    expect(messageOf(body)).toBe(message);
  });

  it('reports the first type error even when later fields are fine', () => {
    expect(messageOf('{"operation":1,"metadata":{"a":2}}')).toContain('OutputBindingRequest.operation');
  });

  it('rejects a body over 4 MiB as daprd does', () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    expect(() => parseOutputBindingBody(body)).toThrow('failed deserializing HTTP body: stream too large');
  });

  it('accepts a body of exactly 4 MiB', () => {
    const prefix = '{"operation":"create","data":"';
    const body = Buffer.from(`${prefix}${'x'.repeat(MAX_BODY_BYTES - prefix.length - 2)}"}`);
    expect(body.length).toBe(MAX_BODY_BYTES);
    expect(parseOutputBindingBody(body).operation).toBe('create');
  });

  it('carries status 400 and code ERR_MALFORMED_REQUEST', () => {
    try {
      parse('');
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'ERR_MALFORMED_REQUEST' });
      return;
    }
    throw new Error('expected an error');
  });
});
