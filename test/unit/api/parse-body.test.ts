import { MalformedRequestError } from '../../../src/api/errors';
import { MAX_BODY_BYTES, parseOutputBindingBody } from '../../../src/api/parse-body';

const parse = (text: string | Buffer) => parseOutputBindingBody(Buffer.from(text));
const NULL = Buffer.from('null');

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
    expect(parse('{"operation":"create","data":{"b":1,"a":1},"metadata":{"k":"v"}}')).toEqual({
      operation: 'create',
      data: Buffer.from('{"a":1,"b":1}'),
      metadata: { k: 'v' },
    });
  });

  it('matches field names case-insensitively, as Go does', () => {
    expect(parse('{"OPERATION":"create","Data":"x","MetaData":{"k":"v"}}')).toEqual({
      operation: 'create',
      data: Buffer.from('"x"'),
      metadata: { k: 'v' },
    });
  });

  it('ignores unknown fields', () => {
    expect(parse('{"dat":"x","operation":"create"}')).toEqual({ operation: 'create', data: NULL, metadata: {} });
  });

  it('reads only the first JSON value and ignores trailing bytes', () => {
    expect(parse('{"operation":"create"} trailing garbage').operation).toBe('create');
  });

  it('accepts null and {} as an empty request', () => {
    expect(parse('null')).toEqual({ operation: '', data: NULL, metadata: {} });
    expect(parse('{}')).toEqual({ operation: '', data: NULL, metadata: {} });
  });

  it('treats null operation and metadata as empty, and a null metadata value as ""', () => {
    expect(parse('{"operation":null,"metadata":{"a":null}}')).toEqual({
      operation: '',
      data: NULL,
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
    ['a truncated number', '{"data":1', 'failed deserializing HTTP body: unexpected EOF'],
    ['a bare word', 'hello', "failed deserializing HTTP body: invalid character 'h' looking for beginning of value"],
    // The rows below were checked against Go 1.26 encoding/json decoding into daprd's struct.
    ['not json', 'not json', "failed deserializing HTTP body: invalid character 'o' in literal null (expecting 'u')"],
    [
      'an unquoted key',
      '{not json}',
      "failed deserializing HTTP body: invalid character 'n' looking for beginning of object key string",
    ],
    [
      'a trailing comma',
      '{"operation":"create",}',
      "failed deserializing HTTP body: invalid character '}' looking for beginning of object key string",
    ],
    [
      'a leading zero',
      '{"data":01}',
      "failed deserializing HTTP body: invalid character '1' after object key:value pair",
    ],
    [
      'a bare decimal point',
      '{"data":1.}',
      "failed deserializing HTTP body: invalid character '}' after decimal point in numeric literal",
    ],
    [
      'a raw tab in a string',
      '{"data":"a\tb"}',
      "failed deserializing HTTP body: invalid character '\\t' in string literal",
    ],
    ['NaN', '{"data":NaN}', "failed deserializing HTTP body: invalid character 'N' looking for beginning of value"],
    [
      'a byte-order mark',
      '\ufeff{}',
      "failed deserializing HTTP body: invalid character 'ï' looking for beginning of value",
    ],
    ['a missing colon', '{"data" 1}', "failed deserializing HTTP body: invalid character '1' after object key"],
    [
      'a bad array separator',
      '{"data":[1 2]}',
      "failed deserializing HTTP body: invalid character '2' after array element",
    ],
    ['a bad escape', '{"data":"\\x"}', "failed deserializing HTTP body: invalid character 'x' in string escape code"],
    [
      'a bad unicode escape',
      '{"data":"\\u12G4"}',
      "failed deserializing HTTP body: invalid character 'G' in \\u hexadecimal character escape",
    ],
    [
      'an empty exponent',
      '{"data":1e}',
      "failed deserializing HTTP body: invalid character '}' in exponent of numeric literal",
    ],
    ['a lone minus', '{"data":-}', "failed deserializing HTTP body: invalid character '}' in numeric literal"],
    [
      'a single quote',
      "{'a':1}",
      "failed deserializing HTTP body: invalid character '\\'' looking for beginning of object key string",
    ],
    [
      'a number beyond float64',
      '{"operation":"c","data":1E400}',
      'failed deserializing HTTP body: json: cannot unmarshal number 1E400 into Go struct field OutputBindingRequest.data of type float64',
    ],
    [
      'a nested number beyond float64',
      '{"data":{"a":[-2e308]}}',
      'failed deserializing HTTP body: json: cannot unmarshal number -2e308 into Go struct field OutputBindingRequest.data of type float64',
    ],
  ])('rejects %s with 400 ERR_MALFORMED_REQUEST', (_, body, message) => {
    expect(messageOf(body)).toBe(message);
  });

  it('reports the first type error even when later fields are fine', () => {
    expect(messageOf('{"operation":1,"metadata":{"a":2}}')).toContain('OutputBindingRequest.operation');
  });

  it('accepts nesting up to depth 10000 and re-encodes it without overflowing the stack', () => {
    const depth = 10_000;
    const data = `${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}`;
    expect(parse(`{"data":${data}}`).data.toString()).toBe(data);
  });

  it("refuses nesting deeper than Go's 10000 levels", () => {
    const data = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(messageOf(`{"data":${data}}`)).toBe(
      "failed deserializing HTTP body: invalid character '[' exceeded max depth",
    );
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = `{"operation":"create","data":"${'['.repeat(20_000)}"}`;
    expect(parse(text).operation).toBe('create');
  });

  it('replaces each invalid UTF-8 byte with U+FFFD, as Go does', () => {
    const body = Buffer.concat([Buffer.from('{"data":"a'), Buffer.from([0xe2, 0x82]), Buffer.from('b"}')]);
    expect(parse(body).data.toString()).toBe('"a\ufffd\ufffdb"');
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
