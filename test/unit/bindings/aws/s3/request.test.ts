import {
  isTruthy,
  mergeRequestOptions,
  parseListOptions,
  parseTags,
  presignSeconds,
  unquoteData,
} from '../../../../../src/bindings/aws/s3/request';

describe('aws.s3 request parsing', () => {
  it('merges non-empty request values over the component with dapr/kit IsTruthy (never an error)', () => {
    const defaults = { decodeBase64: true, encodeBase64: false, storageClass: 'GLACIER' };
    expect(
      mergeRequestOptions(defaults, {
        decodeBase64: 'hello',
        encodeBase64: ' YES ',
        filePath: '/tmp/x',
        presignTTL: '15s',
        storageClass: 'STANDARD_IA',
      }),
    ).toEqual({
      decodeBase64: false,
      encodeBase64: true,
      filePath: '/tmp/x',
      presignTTL: '15s',
      storageClass: 'STANDARD_IA',
    });
    expect(mergeRequestOptions(defaults, { decodeBase64: '', storageClass: '' })).toEqual(defaults);
    expect(['y', 'on', '1', 'T'].every(isTruthy)).toBe(true);
    expect(['n', '2', 'truthy'].some(isTruthy)).toBe(false);
  });

  it("parses tags as daprd's parseS3Tags", () => {
    expect(parseTags('project=myproject,year=2024')).toBe('project=myproject&year=2024');
    expect(parseTags(' a = 1 ,b=x=y')).toBe('a=1&b=x=y');
    expect(() => parseTags('a=1, b')).toThrow("invalid tag format: ' b' (expected key=value)");
    expect(() => parseTags('a=')).toThrow("invalid tag format: 'a=' (expected key=value)");
    expect(() => parseTags('')).toThrow("invalid tag format: '' (expected key=value)");
  });

  it('reads presign TTLs as Go durations, in whole seconds', () => {
    expect(presignSeconds('15s')).toBe(15);
    expect(presignSeconds('1h30m')).toBe(5400);
    expect(presignSeconds('1.9s')).toBe(1);
    expect(presignSeconds('0')).toBe(0);
    expect(() => presignSeconds('10')).toThrow(
      's3 binding error: cannot parse duration 10: time: missing unit in duration "10"',
    );
    expect(() => presignSeconds('1d')).toThrow(
      's3 binding error: cannot parse duration 1d: time: unknown unit "d" in duration "1d"',
    );
    expect(() => presignSeconds('')).toThrow('time: invalid duration ""');
  });

  it('unquotes like commonutils.Unquote, slicing a plain JSON string without copying', () => {
    const data = Buffer.from('"plain text"');
    const sliced = unquoteData(data);
    expect(sliced.toString()).toBe('plain text');
    expect(sliced.buffer).toBe(data.buffer);
    expect(unquoteData(Buffer.from('"a\\nb\\u003c"')).toString()).toBe('a\nb<');
    expect(unquoteData(Buffer.from('{"a":1}')).toString()).toBe('{"a":1}');
    expect(unquoteData(Buffer.from('[1]')).toString()).toBe('[1]');
    expect(unquoteData(Buffer.from('1e+21')).toString()).toBe('1000000000000000000000');
    expect(unquoteData(Buffer.from('1e-7')).toString()).toBe('0.0000001');
    expect(unquoteData(Buffer.from('-0')).toString()).toBe('-0');
    expect(unquoteData(Buffer.from('false')).toString()).toBe('false');
    expect(unquoteData(Buffer.from('null')).length).toBe(0);
    expect(unquoteData(Buffer.from('not json')).toString()).toBe('not json');
    expect(unquoteData(Buffer.from([0xff, 0x00])).equals(Buffer.from([0xff, 0x00]))).toBe(true);
  });

  it("decodes list options with Go's rules and daprd's default of 1000", () => {
    expect(parseListOptions(Buffer.from('null'))).toEqual({ marker: '', prefix: '', maxResults: 1000, delimiter: '' });
    expect(parseListOptions(Buffer.alloc(0)).maxResults).toBe(1000);
    expect(
      parseListOptions(Buffer.from('{"MAXRESULTS":5,"prefix":"p/","marker":"m","delimiter":"/","other":1}')),
    ).toEqual({ marker: 'm', prefix: 'p/', maxResults: 5, delimiter: '/' });
    expect(parseListOptions(Buffer.from('{"maxResults":-3}')).maxResults).toBe(1000);
    const prefix = 's3 binding (List Operation) - unable to parse Data property - ';
    expect(() => parseListOptions(Buffer.from('"x"'))).toThrow(
      `${prefix}json: cannot unmarshal string into Go value of type s3.listPayload`,
    );
    expect(() => parseListOptions(Buffer.from('{"maxResults":1.5}'))).toThrow(
      `${prefix}json: cannot unmarshal number 1.5 into Go struct field listPayload.maxResults of type int32`,
    );
    expect(() => parseListOptions(Buffer.from('{"maxResults":3000000000}'))).toThrow(
      `${prefix}json: cannot unmarshal number 3000000000 into Go struct field listPayload.maxResults of type int32`,
    );
    expect(() => parseListOptions(Buffer.from('{"prefix":true}'))).toThrow(
      `${prefix}json: cannot unmarshal bool into Go struct field listPayload.prefix of type string`,
    );
  });
});
