import { checkComponentProperties } from '../../../../src/bindings/module';
import { spec } from '../../../../src/bindings/mysql/spec';

describe('mysql component metadata', () => {
  it('decodes daprd fields', () => {
    const { config, errors } = checkComponentProperties(spec, {
      url: 'u:p@tcp(h:3306)/db',
      maxIdleConns: '1',
      maxOpenConns: '5',
      connMaxLifetime: '1m',
      connMaxIdleTime: '30s',
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      maxIdleConns: 1,
      maxOpenConns: 5,
      connMaxLifetime: 60_000,
      connMaxIdleTime: 30_000,
    });
  });

  it('requires url', () => {
    expect(checkComponentProperties(spec, {}).errors.join()).toContain('url');
  });

  it.each([
    ['dapr:S3cret-pw@tcp(h:3306', 'invalid DSN: missing the slash separating the database name'],
    ['dapr:S3cret-pw@tcp(h:3306/db', 'invalid DSN: network address not terminated (missing closing brace)'],
    ['dapr:S3cret-pw@tcp(h)/db?tls=other', 'invalid value / unknown config name: other'],
    ['dapr:S3cret-pw@tcp(h)/db?tls=custom', 'tls=custom needs pemPath (the CA file)'],
  ])('refuses the malformed DSN %s at build time, without the password', (url, reason) => {
    const { errors } = checkComponentProperties(spec, { url });
    expect(errors).toEqual([`illegal Data Source Name (DSN) specified by url: ${reason}`]);
    expect(errors.join()).not.toContain('S3cret');
  });

  it('accepts tls=custom with pemPath', () => {
    expect(checkComponentProperties(spec, { url: 'u:p@tcp(h)/db?tls=custom', pemPath: '/ca.pem' }).errors).toEqual([]);
  });

  it('bounds an operation by the DSN timeouts, or 40 s', () => {
    const timeout = (url: string) => spec.operationTimeoutMs(checkComponentProperties(spec, { url }).config);
    expect(timeout('u:p@tcp(h)/db')).toBe(40_000);
    expect(timeout('u:p@tcp(h)/db?timeout=2s&readTimeout=5s&writeTimeout=1s')).toBe(8_000);
  });
});
