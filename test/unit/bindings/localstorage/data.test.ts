import {
  bytesToWrite,
  fileNameProblem,
  goBase64Decode,
  isWithin,
  resolveUnderRoot,
} from '../../../../src/bindings/localstorage/data';
import { goUnquote } from '../../../../src/bindings/go-strconv';
import { checkComponentProperties } from '../../../../src/bindings/module';
import { spec } from '../../../../src/bindings/localstorage/spec';

const b = (text: string) => Buffer.from(text, 'latin1');
const unquote = (text: string) => goUnquote(Buffer.from(text))?.toString('latin1');

describe("strconv.Unquote (daprd's create unquotes data)", () => {
  it.each([
    ['"hello"', 'hello'],
    ['"a\\nb"', 'a\nb'],
    ['"\\u00e9"', '\u00c3\u00a9'], // UTF-8 bytes of é, read as latin1
    ['"\\x41\\101\\t"', 'AA\t'],
    ['"\\xff"', '\xff'],
    ["'a'", 'a'],
    ['`raw\\n\r`', 'raw\\n'],
    ['"\\""', '"'],
    ['""', ''],
  ])('%s unquotes', (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });

  it.each([
    ['hello'],
    ['"'],
    ['"abc'],
    ['"a"b"'],
    ['"a\nb"'],
    ["'ab'"],
    ['"\\\'"'],
    ['"\\ud83d"'],
    ['"\\q"'],
    ['{"a":1}'],
    ['`a`b`'],
    ['"\\400"'],
    ['null'],
  ])('%s is not a Go string literal', (input) => {
    expect(goUnquote(Buffer.from(input))).toBeUndefined();
  });

  it('turns invalid UTF-8 into U+FFFD only when escapes force the slow path, as Go', () => {
    expect(goUnquote(Buffer.from([0x22, 0xff, 0x22]))).toEqual(Buffer.from('\ufffd'));
    expect(goUnquote(Buffer.from([0x22, 0xe2, 0x82, 0x5c, 0x6e, 0x22]))).toEqual(Buffer.from('\ufffd\ufffd\n'));
  });
});

describe('base64.StdEncoding.DecodeString', () => {
  it.each([
    ['aGVsbG8=', 'hello'],
    ['aGVs\r\nbG8=', 'hello'],
    ['', ''],
    ['YQ==', 'a'],
  ])('%j decodes', (input, expected) => {
    expect(goBase64Decode(b(input))?.toString()).toBe(expected);
  });

  it.each([['aGVsbG8'], ['hello'], ['YQ='], ['a==='], ['YQ==YQ=='], ['aGV-bG8='], ['aGVsbG8= ']])(
    '%j is refused',
    (input) => {
      expect(goBase64Decode(b(input))).toBeUndefined();
    },
  );
});

describe('bytesToWrite', () => {
  it('unquotes, then base64-decodes when it can, else keeps the bytes', () => {
    expect(bytesToWrite(b('"hello"')).toString()).toBe('hello');
    expect(bytesToWrite(b('"aGVsbG8="')).toString()).toBe('hello');
    expect(bytesToWrite(b('{"a":1}')).toString()).toBe('{"a":1}');
    expect(bytesToWrite(b('"abcd"'))).toEqual(Buffer.from('abcd', 'base64')); // daprd decodes it too
    // No data reaches daprd's create as the 4 bytes `null`, which are valid base64: daprd writes 3 bytes.
    expect(bytesToWrite(b('null'))).toEqual(Buffer.from([0x9e, 0xe9, 0x65]));
  });
});

describe('file names', () => {
  it.each(['../x', '..', 'a/../../x', '/etc/passwd', 'a\0b'])('%j is refused', (name) => {
    expect(fileNameProblem(name)).toBeDefined();
    expect(resolveUnderRoot('/tmp/root', name)).toHaveProperty('problem');
  });

  it('joins names that stay inside, cleaned as Go does', () => {
    expect(resolveUnderRoot('/tmp/root', 'a//b/./c')).toEqual({ absPath: '/tmp/root/a/b/c', relPath: 'a/b/c' });
    expect(resolveUnderRoot('/tmp/root', 'a/../b')).toEqual({ absPath: '/tmp/root/b', relPath: 'b' });
    expect(resolveUnderRoot('/tmp/root', '')).toEqual({ absPath: '/tmp/root', relPath: '.' });
    expect(resolveUnderRoot('/tmp/root', '..a')).toEqual({ absPath: '/tmp/root/..a', relPath: '..a' });
  });

  it('isWithin', () => {
    expect(isWithin('/tmp/root', '/tmp/root')).toBe(true);
    expect(isWithin('/tmp/root', '/tmp/root/a')).toBe(true);
    expect(isWithin('/tmp/root', '/tmp/rootx')).toBe(false);
    expect(isWithin('/', '/etc')).toBe(true);
  });
});

describe('spec', () => {
  it("lists daprd's operations in Operations() order", () => {
    expect(Object.keys(spec.operations)).toEqual(['create', 'get', 'list', 'delete']);
  });

  it("needs rootPath and refuses daprd's disallowed locations", () => {
    expect(checkComponentProperties(spec, {}).errors.join()).toMatch(/rootPath/);
    expect(checkComponentProperties(spec, { rootPath: '/tmp/files' }).errors).toEqual([]);
    expect(checkComponentProperties(spec, { rootPath: '/proc/self' }).errors).toEqual([
      'property rootPath points to a disallowed location',
    ]);
    expect(checkComponentProperties(spec, { rootPath: '/var/run/secrets/' }).errors).toHaveLength(1);
    expect(checkComponentProperties(spec, { rootPath: '/system' }).errors).toEqual([]);
  });
});
