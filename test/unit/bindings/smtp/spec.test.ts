import { checkComponentProperties } from '../../../../src/bindings/module';
import { goAtoi, goQuote, parsePriority } from '../../../../src/bindings/smtp/priority';
import { HOST_PORT_REQUIRED, spec, USER_PASSWORD_PAIRED } from '../../../../src/bindings/smtp/spec';
import { transportOptions } from '../../../../src/bindings/smtp/driver';

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, properties);
}

describe('smtp component metadata', () => {
  it('decodes daprd names and defaults', () => {
    const { config, errors, unknown } = check({ host: 'smtp.example.com', port: '587', user: 'u', password: 'p' });
    expect(errors).toEqual([]);
    expect(unknown).toEqual([]);
    expect(config).toMatchObject({
      host: 'smtp.example.com',
      port: 587,
      user: 'u',
      password: 'p',
      skipTLSVerify: false,
    });
  });

  it("requires host and port with daprd's message (port has no default in daprd's code)", () => {
    expect(check({ host: 'h' }).errors).toEqual([HOST_PORT_REQUIRED]);
    expect(check({ port: '25' }).errors).toEqual([HOST_PORT_REQUIRED]);
    expect(check({ host: 'h', port: '0' }).errors).toEqual([HOST_PORT_REQUIRED]);
  });

  it('requires user and password together', () => {
    expect(check({ host: 'h', port: '25', user: 'u' }).errors).toEqual([USER_PASSWORD_PAIRED]);
    expect(check({ host: 'h', port: '25', password: 'p' }).errors).toEqual([USER_PASSWORD_PAIRED]);
    expect(check({ host: 'h', port: '25' }).errors).toEqual([]);
  });

  it("validates the component priority with daprd's messages", () => {
    expect(check({ host: 'h', port: '25', priority: '9' }).errors).toEqual([
      'smtp binding error:  priority value must be between 1 (highest) and 5 (lowest)',
    ]);
    expect(check({ host: 'h', port: '25', priority: 'x' }).errors).toEqual([
      'strconv.Atoi: parsing "x": invalid syntax',
    ]);
  });

  it('marks the password sensitive and lists the one create operation', () => {
    expect(spec.metadata.password.options.sensitive).toBe(true);
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });
});

describe('smtp priority parsing', () => {
  it('follows strconv.Atoi', () => {
    expect(goAtoi('-7')).toBe(-7);
    expect(goAtoi('+0')).toBe(0);
    expect(() => goAtoi('')).toThrow('strconv.Atoi: parsing "": invalid syntax');
    expect(() => goAtoi('1_0')).toThrow('strconv.Atoi: parsing "1_0": invalid syntax');
    expect(() => goAtoi('٣')).toThrow('strconv.Atoi: parsing "٣": invalid syntax');
  });

  it('defaults to 3', () => {
    expect(parsePriority('')).toBe(3);
    expect(parsePriority('1')).toBe(1);
  });

  it('quotes like Go', () => {
    expect(goQuote('a"b\\c\n\x01é')).toBe('"a\\"b\\\\c\\n\\x01é"');
  });
});

describe('smtp transport options', () => {
  const options = (properties: Record<string, string>) =>
    transportOptions(check({ host: 'smtp.example.com', ...properties }).config);

  it('uses implicit TLS on 465 only, and EHLO localhost as Go', () => {
    expect(options({ port: '465' }).secure).toBe(true);
    expect(options({ port: '587' }).secure).toBe(false);
    expect(options({ port: '25' }).name).toBe('localhost');
  });

  it('verifies certificates unless skipTLSVerify, and authenticates only with a user', () => {
    const strict = options({ port: '587' });
    expect(strict.tls).toMatchObject({ rejectUnauthorized: true, servername: 'smtp.example.com' });
    expect(strict.auth).toBeUndefined();
    const loose = options({ port: '587', skipTLSVerify: 'true', user: 'u', password: 'p' });
    expect(loose.tls).toMatchObject({ rejectUnauthorized: false });
    expect(loose.auth).toEqual({ user: 'u', pass: 'p' });
    expect(options({ host: '10.0.0.1', port: '25' }).tls).toMatchObject({ servername: undefined });
  });
});
