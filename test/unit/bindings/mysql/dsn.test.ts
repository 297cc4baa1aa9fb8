import {
  describeDsnError,
  DsnError,
  parseGoDuration,
  parseMysqlDsn,
  type MysqlDsn,
} from '../../../../src/bindings/mysql/dsn';

const DEFAULTS: MysqlDsn = {
  user: '',
  password: '',
  net: 'tcp',
  addr: '127.0.0.1:3306',
  dbName: '',
  tls: 'none',
  loc: 'UTC',
  timeoutMs: 0,
  readTimeoutMs: 0,
  writeTimeoutMs: 0,
  collation: '',
  clientFoundRows: false,
  columnsWithAlias: false,
  multiStatements: false,
  charsets: [],
  systemVariables: [],
};

describe('parseMysqlDsn (go-sql-driver v1.8.1 ParseDSN)', () => {
  it.each<[string, Partial<MysqlDsn>]>([
    [
      'user:password@tcp(localhost:5555)/dbname',
      { user: 'user', password: 'password', addr: 'localhost:5555', dbName: 'dbname' },
    ],
    [
      'user:password@tcp(db.example.com)/dbname',
      { user: 'user', password: 'password', addr: 'db.example.com:3306', dbName: 'dbname' },
    ],
    ['dapr:dapr@tcp(127.0.0.1:3306)/dapr', { user: 'dapr', password: 'dapr', dbName: 'dapr' }],
    ['user@tcp(h)/db', { user: 'user', password: '', addr: 'h:3306', dbName: 'db' }],
    ['user:@tcp(h:1)/db', { user: 'user', password: '', addr: 'h:1', dbName: 'db' }],
    // The password runs from the first ':' to the last '@' before the last '/': any character goes.
    ['u:p@ss:w/o?rd&x=1@tcp(h:1)/db', { user: 'u', password: 'p@ss:w/o?rd&x=1', addr: 'h:1', dbName: 'db' }],
    ["u:'; DROP--()@tcp(h:1)/db", { user: 'u', password: "'; DROP--()", addr: 'h:1', dbName: 'db' }],
    ['u:p%41ss@tcp(h:1)/db', { user: 'u', password: 'p%41ss', addr: 'h:1', dbName: 'db' }], // no unescaping of the password
    ['/', {}],
    ['', {}],
    ['/dbname', { dbName: 'dbname' }],
    ['@/dbname', { dbName: 'dbname' }],
    ['tcp(h:1)/db', { addr: 'h:1', dbName: 'db' }],
    ['u:p@/db', { user: 'u', password: 'p', dbName: 'db' }],
    ['u:p@tcp/db', { user: 'u', password: 'p', dbName: 'db' }],
    ['u:p@tcp([::1]:3307)/db', { addr: '[::1]:3307', user: 'u', password: 'p', dbName: 'db' }],
    ['u:p@tcp(::1)/db', { addr: '[::1]:3306', user: 'u', password: 'p', dbName: 'db' }],
    [
      'u:p@unix(/var/run/mysqld/mysqld.sock)/db',
      { net: 'unix', addr: '/var/run/mysqld/mysqld.sock', user: 'u', password: 'p', dbName: 'db' },
    ],
    ['u:p@unix/db', { net: 'unix', addr: '/tmp/mysql.sock', user: 'u', password: 'p', dbName: 'db' }],
    ['u:p@tcp(h:1)/my%20db', { dbName: 'my db', user: 'u', password: 'p', addr: 'h:1' }],
    ['/db?parseTime=true&parseTime=false', { dbName: 'db' }],
    ['/db?tls=true', { dbName: 'db', tls: 'verify' }],
    ['/db?tls=1', { dbName: 'db', tls: 'verify' }],
    ['/db?tls=false', { dbName: 'db', tls: 'none' }],
    ['/db?tls=skip-verify', { dbName: 'db', tls: 'skip-verify' }],
    ['/db?tls=SKIP-VERIFY', { dbName: 'db', tls: 'skip-verify' }],
    ['/db?tls=preferred', { dbName: 'db', tls: 'preferred' }],
    ['/db?tls=custom', { dbName: 'db', tls: 'custom' }],
    ['/db?loc=Local', { dbName: 'db', loc: 'Local' }],
    ['/db?loc=UTC', { dbName: 'db', loc: 'UTC' }],
    ['/db?loc=', { dbName: 'db', loc: 'UTC' }],
    ['/db?loc=Europe%2FParis', { dbName: 'db', loc: 'Europe/Paris' }],
    [
      '/db?timeout=1s&readTimeout=1m30s&writeTimeout=500ms',
      { dbName: 'db', timeoutMs: 1000, readTimeoutMs: 90_000, writeTimeoutMs: 500 },
    ],
    ['/db?timeout=0', { dbName: 'db', timeoutMs: 0 }],
    ['/db?collation=utf8mb4_unicode_ci', { dbName: 'db', collation: 'utf8mb4_unicode_ci' }],
    ['/db?charset=utf8mb4,utf8', { dbName: 'db', charsets: ['utf8mb4', 'utf8'] }],
    [
      '/db?clientFoundRows=true&columnsWithAlias=TRUE&multiStatements=1',
      { dbName: 'db', clientFoundRows: true, columnsWithAlias: true, multiStatements: true },
    ],
    ['/db?allowNativePasswords=false&checkConnLiveness=0&interpolateParams=true&maxAllowedPacket=0', { dbName: 'db' }],
    [
      "/db?sql_mode='ANSI'&autocommit=1&time_zone=%27%2B00%3A00%27",
      {
        dbName: 'db',
        systemVariables: [
          ['sql_mode', "'ANSI'"],
          ['autocommit', '1'],
          ['time_zone', "'+00:00'"],
        ],
      },
    ],
    ['/db?novalue&x=a+b', { dbName: 'db', systemVariables: [['x', 'a b']] }],
  ])('parses %s', (dsn, expected) => {
    expect(parseMysqlDsn(dsn)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each<[string, string]>([
    ['user:password@tcp(h:1)dbname', 'invalid DSN: missing the slash separating the database name'],
    ['user:password', 'invalid DSN: missing the slash separating the database name'],
    ['u:p@tcp(h:1/db', 'invalid DSN: network address not terminated (missing closing brace)'],
    ['u:p@tcp(h:1)x/db', 'invalid DSN: did you forget to escape a param value?'],
    ['u:p@udp(h:1)/db', 'network "udp" is not supported (use tcp or unix)'],
    // The last '/' ends the address part, so a '/' in a parameter must be escaped.
    ['/db?loc=America/New_York', "default addr for network '/db?loc=America' unknown"],
    ['/db?parseTime=yes', 'invalid bool value: yes'],
    ['/db?tls=mine', 'invalid value / unknown config name: mine'],
    ['/db?loc=Mars%2FOlympus', 'unknown time zone Mars/Olympus'],
    ['/db?timeout=10', 'time: missing unit in duration "10"'],
    ['/db?readTimeout=abc', 'time: invalid duration "abc"'],
    ['/db?compress=true', 'compression not implemented yet'],
    ['/db?maxAllowedPacket=big', 'strconv.Atoi: parsing "big": invalid syntax'],
    ['/db?x=%zz', 'invalid URL escape "%zz"'],
    ['/my%zzdb', 'invalid dbname "my%zzdb": invalid URL escape "%zz"'],
    [
      '/db?interpolateParams=true&collation=gbk_chinese_ci',
      'invalid DSN: interpolateParams can not be used with unsafe collations',
    ],
  ])('refuses %s', (dsn, message) => {
    expect(() => parseMysqlDsn(dsn)).toThrow(new DsnError(message));
  });
});

describe('describeDsnError', () => {
  it.each([
    'user:s3cr3t!@tcp(h:1/db',
    'user:s3cr3t!@tcp(h:1)/db?parseTime=s3cr3t!',
    'user:s3cr3t!',
    'user:s3cr3t!@tcp(h:1)/s3cr3t!%zz',
  ])('never repeats the password of %s', (dsn) => {
    let message = '';
    try {
      parseMysqlDsn(dsn);
    } catch (error) {
      message = describeDsnError(dsn, error);
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('s3cr3t');
  });
});

describe('parseGoDuration', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['1s', 1000],
    ['1.5s', 1500],
    ['2m3s', 123_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    ['1500us', 1.5],
    ['-1s', -1000],
  ])('reads %s', (raw, ms) => {
    expect(parseGoDuration(raw)).toBe(ms);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['s', 'time: invalid duration "s"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['1s2', 'time: missing unit in duration "1s2"'],
  ])("refuses %j with Go's text", (raw, message) => {
    expect(() => parseGoDuration(raw)).toThrow(message);
  });
});
