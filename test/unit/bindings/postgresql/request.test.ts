import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import type { InvokeRequest } from '../../../../src/bindings/driver';
import { statementOf } from '../../../../src/bindings/postgresql/request';

function request(metadata: Record<string, string>): InvokeRequest {
  return { name: 'db', operation: 'exec', data: Buffer.from('null'), metadata };
}

const PARAMS_ERROR =
  'error invoking output binding db: invalid metadata property params: failed to unserialize into an array: ';

describe('postgresql request mapping', () => {
  it("requires sql (exact-case key, non-empty) with daprd's message", () => {
    for (const metadata of [{}, { sql: '' }, { SQL: 'SELECT 1' }] as Array<Record<string, string>>) {
      const call = () => statementOf(request(metadata));
      expect(call).toThrow(InvalidRequestMetadataError);
      expect(call).toThrow('error invoking output binding db: required metadata not set: sql');
    }
  });

  it('binds no parameters without params, with an empty params or with null', () => {
    for (const params of [undefined, '', 'null', ' null ']) {
      const metadata: Record<string, string> = { sql: 'SELECT 1' };
      if (params !== undefined) metadata.params = params;
      expect(statementOf(request(metadata))).toEqual({ sql: 'SELECT 1', params: [] });
    }
  });

  it('keeps scalars as they are and sends objects as the JSON text Go marshals (keys sorted, HTML escaped)', () => {
    const { params } = statementOf(
      request({ sql: 'x', params: '[1, 2.5, "a\'b", true, null, {"b":1,"a":"<"}, [1, {"k":2}]]' }),
    );
    expect(params).toEqual([1, 2.5, "a'b", true, null, '{"a":"\\u003c","b":1}', [1, '{"k":2}']]);
  });

  it.each([
    ['{"a":1}', 'json: cannot unmarshal object into Go value of type []interface {}'],
    ['"x"', 'json: cannot unmarshal string into Go value of type []interface {}'],
    ['5', 'json: cannot unmarshal number into Go value of type []interface {}'],
    ['true', 'json: cannot unmarshal bool into Go value of type []interface {}'],
    ['[1,', 'unexpected end of JSON input'],
    ['   ', 'unexpected end of JSON input'],
    ['nope', "invalid character 'o' in literal null (expecting 'u')"],
    ['[1] x', "invalid character 'x' after top-level value"],
    ['["a"]]', "invalid character ']' after top-level value"],
  ])('refuses params %j with Go’s decoding error', (params, detail) => {
    const call = () => statementOf(request({ sql: 'SELECT 1', params }));
    expect(call).toThrow(InvalidRequestMetadataError);
    expect(call).toThrow(PARAMS_ERROR + detail);
  });
});
