import { checkComponentProperties } from '../../../../src/bindings/module';
import { spec } from '../../../../src/bindings/postgresql/spec';

const check = (properties: Record<string, string>) => checkComponentProperties(spec, properties);

describe('postgresql component metadata', () => {
  it("decodes daprd's fields with their defaults", () => {
    const { config, errors, unknown } = check({ connectionString: 'host=db user=u' });
    expect(errors).toEqual([]);
    expect(unknown).toEqual([]);
    expect(config).toMatchObject({
      connectionString: 'host=db user=u',
      timeout: 20_000,
      maxConns: 0,
      useAzureAD: false,
    });
  });

  it('accepts the url and timeoutInSeconds aliases, and a bare number of seconds', () => {
    const { config, errors } = check({ url: 'postgres://u@h/d', timeoutInSeconds: '42' });
    expect(errors).toEqual([]);
    expect(config.connectionString).toBe('postgres://u@h/d');
    expect(config.timeout).toBe(42_000);
    expect(check({ connectionString: 'host=h', timeout: '1m30s' }).config.timeout).toBe(90_000);
    expect(check({ connectionString: 'host=h', connectionMaxIdleTime: '5m' }).config.connectionMaxIdleTime).toBe(
      300_000,
    );
  });

  it("refuses what daprd's Init refuses, with its messages", () => {
    expect(check({}).errors).toEqual([
      'failed to build connection string: metadata "connectionString" (or host, user, database…) is required',
    ]);
    expect(check({ connectionString: 'host=h', timeout: '500ms' }).errors).toEqual([
      "invalid value for 'timeout': must be greater than 1s",
    ]);
    expect(check({ connectionString: 'host=h', queryExecMode: 'Exec' }).errors).toEqual([
      'invalid queryExecMode metadata value: Exec',
    ]);
    expect(check({ connectionString: "password='x" }).errors).toEqual([
      'failed to parse connection string: unterminated quoted string in connection info string',
    ]);
  });

  it('refuses at build time what cannot connect from Lambda', () => {
    expect(check({ connectionString: 'host=a,b' }).errors).toEqual([
      'several hosts in the connection string are not supported yet',
    ]);
    expect(check({ connectionString: 'host=/var/run/postgresql' }).errors).toEqual([
      'Unix socket hosts are not supported on Lambda',
    ]);
    expect(check({ connectionString: 'postgres://h/d?sslmode=sometimes' }).errors).toEqual(['sslmode is invalid']);
    expect(check({ connectionString: 'host=h', port: 'x' }).errors).toEqual(['invalid port: x']);
  });

  it('accepts a connection from the override fields alone, as daprd does', () => {
    expect(check({ host: 'db', user: 'u', password: 'p', database: 'd', port: '5433' }).errors).toEqual([]);
  });

  it.each(['exec', 'simple_protocol', 'cache_statement', 'cache_describe', 'describe_exec'])(
    'accepts queryExecMode %s',
    (mode) => {
      expect(check({ connectionString: 'host=h', queryExecMode: mode }).errors).toEqual([]);
    },
  );

  it('refuses AWS IAM and Azure AD authentication as not supported yet', () => {
    expect(check({ connectionString: 'host=h user=u', useAWSIAM: 'true', region: 'eu-west-1' }).errors).toEqual([
      'metadata "useAWSIAM": AWS IAM authentication is not supported yet; keep this component on daprd',
    ]);
    expect(check({ connectionString: 'host=h user=u', useAzureAD: 'true' }).errors).toEqual([
      'metadata "useAzureAD": Azure AD authentication is not supported yet; keep this component on daprd',
    ]);
  });

  it('declares exec, query and close in daprd’s order, and the bindings.postgres alias', () => {
    expect(Object.keys(spec.operations)).toEqual(['exec', 'query', 'close']);
    expect(spec.type).toBe('bindings.postgresql');
    expect(spec.aliases).toEqual(['bindings.postgres']);
  });
});
