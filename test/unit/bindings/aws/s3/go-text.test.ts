import {
  goBase64Decode,
  goFormatFloatF,
  goStringOfBytes,
  goTrimSpace,
} from '../../../../../src/bindings/aws/s3/go-text';

describe("Go's text for the s3 binding", () => {
  it("formats floats as strconv.FormatFloat(f, 'f', -1, 64)", () => {
    expect(goFormatFloatF(1e21)).toBe('1000000000000000000000');
    expect(goFormatFloatF(1.5e-7)).toBe('0.00000015');
    expect(goFormatFloatF(-2.5e22)).toBe('-25000000000000000000000');
    expect(goFormatFloatF(123.25)).toBe('123.25');
    expect(goFormatFloatF(-0)).toBe('-0');
  });

  it("decodes base64 as base64.StdEncoding, with Go's error offsets", () => {
    expect(goBase64Decode(Buffer.from('aGVs\nbG8=')).toString()).toBe('hello');
    expect(goBase64Decode(Buffer.from('')).length).toBe(0);
    expect(() => goBase64Decode(Buffer.from('ab!d'))).toThrow('illegal base64 data at input byte 2');
    expect(() => goBase64Decode(Buffer.from('abc'))).toThrow('illegal base64 data at input byte 0');
    expect(() => goBase64Decode(Buffer.from('aGVsbG8'))).toThrow('illegal base64 data at input byte 4');
    expect(() => goBase64Decode(Buffer.from('aG=='))).not.toThrow();
    expect(() => goBase64Decode(Buffer.from('aG='))).toThrow('illegal base64 data at input byte 3');
    expect(() => goBase64Decode(Buffer.from('aG=x'))).toThrow('illegal base64 data at input byte 2');
    expect(() => goBase64Decode(Buffer.from('aG==aGVs'))).toThrow('illegal base64 data at input byte 4');
    expect(() => goBase64Decode(Buffer.from('a==='))).toThrow('illegal base64 data at input byte 1');
  });

  it('trims as strings.TrimSpace and turns invalid UTF-8 bytes into U+FFFD one by one', () => {
    expect(goTrimSpace('\u0085 a b\u3000\t')).toBe('a b');
    expect(goTrimSpace('\ufeffa')).toBe('\ufeffa');
    expect(goStringOfBytes(Buffer.from([0x61, 0xe2, 0x82, 0x62]))).toBe('a\ufffd\ufffdb');
    expect(goStringOfBytes(Buffer.from('héllo'))).toBe('héllo');
  });
});
