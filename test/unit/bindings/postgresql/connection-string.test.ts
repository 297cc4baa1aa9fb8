import { connectionSettings, parseKeywordValue } from '../../../../src/bindings/postgresql/connection-string';

const settingsOf = (fields: Parameters<typeof connectionSettings>[0]) => Object.fromEntries(connectionSettings(fields));

describe('pgx keyword/value parsing', () => {
  it.each<[string, Record<string, string>]>([
    [
      'host=db user=u password=p dbname=d sslmode=require',
      { host: 'db', user: 'u', password: 'p', database: 'd', sslmode: 'require' },
    ],
    ["password='a b\\'c' host = db", { password: "a b'c", host: 'db' }],
    // pgx unescapes only \\ and \' ; an escaped space stays escaped
    ['password=a\\ b port=5433', { password: 'a\\ b', port: '5433' }],
    ["password='' user=x", { password: '', user: 'x' }],
    ['application_name=my-app search_path=s1', { application_name: 'my-app', search_path: 's1' }],
  ])('parses %s', (text, expected) => {
    expect(Object.fromEntries(parseKeywordValue(text))).toEqual(expected);
  });

  it.each([
    ['host', 'invalid keyword/value'],
    ["password='open", 'unterminated quoted string in connection info string'],
    ['password=x\\', 'invalid backslash'],
    ['=x', 'invalid keyword/value'],
  ])('refuses %s with pgx’s message', (text, message) => {
    expect(() => parseKeywordValue(text)).toThrow(message);
  });
});

describe("daprd's connection string building", () => {
  it('reads the URL form, query parameters included', () => {
    expect(
      settingsOf({
        connectionString: 'postgres://us%40r:p%3Ass@db.example.com:6543/my%20db?sslmode=verify-full&application_name=x',
      }),
    ).toEqual({
      user: 'us@r',
      password: 'p:ss',
      host: 'db.example.com',
      port: '6543',
      database: 'my db',
      sslmode: 'verify-full',
      application_name: 'x',
    });
    expect(settingsOf({ connectionString: 'postgresql://[::1]/d' })).toEqual({ host: '::1', database: 'd' });
  });

  it('lets the metadata fields override either form', () => {
    const fields = { user: 'u2', password: 'p2', host: 'h2', port: '7', database: 'd2', sslRootCert: '/ca.pem' };
    expect(settingsOf({ connectionString: 'postgres://u:p@h/d?sslmode=require', ...fields })).toEqual({
      user: 'u2',
      password: 'p2',
      host: 'h2',
      port: '7',
      database: 'd2',
      sslmode: 'require',
      sslrootcert: '/ca.pem',
    });
    expect(settingsOf({ connectionString: 'host=h user=u dbname=d', ...fields })).toEqual({
      host: 'h2',
      user: 'u2',
      database: 'd2', // daprd appends database=d2 after dbname=d; pgx reads both as database, the last wins
      password: 'p2',
      port: '7',
      sslrootcert: '/ca.pem',
    });
  });

  it("drops the parts without '=' as daprd's single-space split does", () => {
    expect(settingsOf({ connectionString: 'host=h  junk user=u' })).toEqual({ host: 'h', user: 'u' });
  });

  it('accepts metadata fields without a connection string, and refuses nothing at all', () => {
    expect(settingsOf({ host: 'h', user: 'u' })).toEqual({ host: 'h', user: 'u' });
    expect(() => connectionSettings({})).toThrow('failed to build connection string');
    expect(() => connectionSettings({ connectionString: 'nothing here' })).toThrow('failed to build connection string');
  });

  it('refuses what pgx cannot parse', () => {
    expect(() => connectionSettings({ connectionString: "password='x" })).toThrow(
      'failed to parse connection string: unterminated quoted string in connection info string',
    );
    // daprd's single-space split cuts an escaped space: `password=a\` is left, a dangling backslash
    expect(() => connectionSettings({ connectionString: 'password=a\\ b' })).toThrow(
      'failed to parse connection string: invalid backslash',
    );
    expect(() => connectionSettings({ connectionString: 'postgres://h:1/d', port: '2' })).toThrow(
      'invalid URL connection string',
    );
  });
});
