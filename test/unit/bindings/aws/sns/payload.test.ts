import { InvalidRequestMetadataError } from '../../../../../src/api/errors';
import { decodeSnsPayload } from '../../../../../src/bindings/aws/sns/payload';

const decode = (data: string) => decodeSnsPayload('topic', Buffer.from(data));

describe('aws.sns data decoding', () => {
  it('reads message and subject of a JSON object', () => {
    expect(decode('{"message":"hello","subject":"greeting"}')).toEqual({ message: 'hello', subject: 'greeting' });
  });

  it("matches the field names as Go's encoding/json: exactly, else case-insensitively, the last key winning", () => {
    expect(decode('{"MESSAGE":"a","Subject":"s"}')).toEqual({ message: 'a', subject: 's' });
    expect(decode('{"MESSAGE":"a","Message":"b","message":"c"}')).toEqual({ message: 'c', subject: '<nil>' });
    expect(decode('{"me\u017f\u017fage":"long s"}')).toEqual({ message: 'long s', subject: '<nil>' });
    expect(decode('{"msg":"x","text":"y"}')).toEqual({ message: '<nil>', subject: '<nil>' });
  });

  it('prints a missing or null field as <nil>, and other values with %v', () => {
    expect(decode('null')).toEqual({ message: '<nil>', subject: '<nil>' });
    expect(decode('{"message":null,"subject":1000000}')).toEqual({ message: '<nil>', subject: '1e+06' });
    expect(decode('{"message":{"b":[1,"x"],"a":true}}')).toEqual({ message: 'map[a:true b:[1 x]]', subject: '<nil>' });
    expect(decode('{"message":"\\u003cb\\u003e"}')).toEqual({ message: '<b>', subject: '<nil>' });
  });

  it.each([
    ['"hello"', 'string'],
    ['[1]', 'array'],
    ['12', 'number'],
    ['true', 'bool'],
  ])("refuses %s with Go's UnmarshalTypeError text", (data, kind) => {
    const call = () => decode(data);
    expect(call).toThrow(InvalidRequestMetadataError);
    expect(call).toThrow(
      `error invoking output binding topic: json: cannot unmarshal ${kind} into Go value of type sns.dataPayload`,
    );
  });

  it("refuses bytes that are not JSON with Go's syntax error text", () => {
    expect(() => decode('')).toThrow('error invoking output binding topic: unexpected end of JSON input');
    expect(() => decode('hello')).toThrow(
      "error invoking output binding topic: invalid character 'h' looking for beginning of value",
    );
  });
});
