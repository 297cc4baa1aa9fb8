/**
 * Parses a go-sql-driver/mysql v1.8.1 Data Source Name (`ParseDSN` in dsn.go), the `url` daprd's
 * mysql binding takes: `[user[:password]@][net[(addr)]]/dbname[?param1=value1&paramN=valueN]`.
 */

import { DsnError, goUnescape, parseGoDuration } from './go-parse';

export { DsnError, parseGoDuration } from './go-parse';

/** What the TLS setting of a DSN asks for (`tls=`), after go-sql-driver's normalisation. */
export type DsnTls = 'none' | 'verify' | 'skip-verify' | 'preferred' | 'custom';

/** The parts of a DSN this binding uses; the rest is validated and dropped. */
export interface MysqlDsn {
  user: string;
  password: string;
  net: 'tcp' | 'unix';
  /** `host:port` for tcp (port 3306 added when missing), a socket path for unix. */
  addr: string;
  dbName: string;
  tls: DsnTls;
  /** `loc`: the IANA zone DATE/DATETIME/TIMESTAMP values are read in; `UTC` by default, `Local` for the process zone. */
  loc: string;
  /** `timeout` (dial), `readTimeout`, `writeTimeout` in milliseconds; 0 when not set. */
  timeoutMs: number;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  /** `collation`, '' when not set (go-sql-driver then uses utf8mb4_general_ci). */
  collation: string;
  clientFoundRows: boolean;
  columnsWithAlias: boolean;
  multiStatements: boolean;
  /** `charset=`: tried in order with `SET NAMES` after connecting. */
  charsets: string[];
  /** Unknown parameters: system variables set with `SET name = value` after connecting. */
  systemVariables: Array<[string, string]>;
}

const BOOL_PARAMS = new Set([
  'allowAllFiles',
  'allowCleartextPasswords',
  'allowFallbackToPlaintext',
  'allowNativePasswords',
  'allowOldPasswords',
  'checkConnLiveness',
  'clientFoundRows',
  'columnsWithAlias',
  'interpolateParams',
  'multiStatements',
  'parseTime',
  'rejectReadOnly',
]);

// go-sql-driver's unsafeCollations: multi-byte encodings whose bytes can contain `\` or `'`.
const UNSAFE_COLLATIONS = new Set([
  'big5_chinese_ci',
  'sjis_japanese_ci',
  'gbk_chinese_ci',
  'big5_bin',
  'gb2312_bin',
  'gbk_bin',
  'sjis_bin',
  'cp932_japanese_ci',
  'cp932_bin',
  'gb18030_chinese_ci',
  'gb18030_bin',
  'gb18030_unicode_520_ci',
]);

/** Go's `readBool`: only these spellings. */
function readBool(value: string): boolean | undefined {
  if (['1', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

/** Go's `net.SplitHostPort` succeeds: `host:port` with an unbracketed host free of colons, or `[v6]:port`. */
function hasPort(addr: string): boolean {
  if (addr.startsWith('[')) return /^\[[^\]]*\]:[^:]*$/.test(addr);
  const colon = addr.lastIndexOf(':');
  return colon >= 0 && !addr.slice(0, colon).includes(':');
}

/** Go's `ensureHavePort` (`net.JoinHostPort(addr, "3306")` when there is no port). */
function ensureHavePort(addr: string): string {
  if (hasPort(addr)) return addr;
  return addr.includes(':') ? `[${addr}]:3306` : `${addr}:3306`;
}

/** A zone Go's `time.LoadLocation` would load: "", UTC, Local, or an IANA name. */
function checkZone(name: string): string {
  if (name === '' || name === 'UTC') return 'UTC';
  if (name === 'Local') return 'Local';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    throw new DsnError(`unknown time zone ${name}`);
  }
  return name;
}

function tlsOf(value: string): DsnTls {
  const asBool = readBool(value);
  if (asBool !== undefined) return asBool ? 'verify' : 'none';
  const lower = value.toLowerCase();
  if (lower === 'skip-verify' || lower === 'preferred') return lower;
  const name = goUnescape(value, true);
  // daprd registers one TLS config, "custom", from pemPath; no other name can exist.
  if (name === 'custom') return 'custom';
  throw new DsnError(`invalid value / unknown config name: ${name}`);
}

type Params = Omit<MysqlDsn, 'user' | 'password' | 'net' | 'addr' | 'dbName'> & { interpolateParams: boolean };

function applyParam(params: Params, key: string, value: string): void {
  if (BOOL_PARAMS.has(key)) {
    const flag = readBool(value);
    if (flag === undefined) throw new DsnError(`invalid bool value: ${value}`);
    if (key === 'clientFoundRows') params.clientFoundRows = flag;
    if (key === 'columnsWithAlias') params.columnsWithAlias = flag;
    if (key === 'multiStatements') params.multiStatements = flag;
    if (key === 'interpolateParams') params.interpolateParams = flag;
    return;
  }
  switch (key) {
    case 'collation':
      params.collation = value;
      return;
    case 'compress':
      throw new DsnError('compression not implemented yet');
    case 'strict':
      throw new DsnError('strict mode has been removed');
    case 'loc':
      params.loc = checkZone(goUnescape(value, true));
      return;
    case 'timeTruncate':
      parseGoDuration(value);
      return;
    case 'timeout':
      params.timeoutMs = parseGoDuration(value);
      return;
    case 'readTimeout':
      params.readTimeoutMs = parseGoDuration(value);
      return;
    case 'writeTimeout':
      params.writeTimeoutMs = parseGoDuration(value);
      return;
    case 'maxAllowedPacket':
      if (!/^[+-]?\d+$/.test(value)) throw new DsnError(`strconv.Atoi: parsing "${value}": invalid syntax`);
      return;
    case 'serverPubKey':
      throw new DsnError('invalid value / unknown server pub key name: serverPubKey is not supported');
    case 'connectionAttributes':
      goUnescape(value, true);
      return;
    case 'tls':
      params.tls = tlsOf(value);
      return;
    case 'charset':
      params.charsets = goUnescape(value, true).split(',');
      return;
    default:
      params.systemVariables.push([key, goUnescape(value, true)]);
  }
}

function parseParams(query: string): Params {
  const params: Params = {
    tls: 'none',
    loc: 'UTC',
    timeoutMs: 0,
    readTimeoutMs: 0,
    writeTimeoutMs: 0,
    collation: '',
    clientFoundRows: false,
    columnsWithAlias: false,
    multiStatements: false,
    interpolateParams: false,
    charsets: [],
    systemVariables: [],
  };
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue; // go-sql-driver skips a parameter without `=`
    applyParam(params, pair.slice(0, eq), pair.slice(eq + 1));
  }
  if (params.interpolateParams && UNSAFE_COLLATIONS.has(params.collation)) {
    throw new DsnError('invalid DSN: interpolateParams can not be used with unsafe collations');
  }
  return params;
}

/** Splits the part before the database name into user, password, network and address. */
function parseAuthority(head: string): Pick<MysqlDsn, 'user' | 'password'> & { net: string; addr: string } {
  const at = head.lastIndexOf('@');
  let user = '';
  let password = '';
  if (at >= 0) {
    const colon = head.slice(0, at).indexOf(':');
    user = colon >= 0 ? head.slice(0, colon) : head.slice(0, at);
    password = colon >= 0 ? head.slice(colon + 1, at) : '';
  }
  const rest = head.slice(at + 1);
  const paren = rest.indexOf('(');
  if (paren < 0) return { user, password, net: rest, addr: '' };
  if (!rest.endsWith(')')) {
    throw new DsnError(
      rest.slice(paren + 1).includes(')')
        ? 'invalid DSN: did you forget to escape a param value?'
        : 'invalid DSN: network address not terminated (missing closing brace)',
    );
  }
  return { user, password, net: rest.slice(0, paren), addr: rest.slice(paren + 1, -1) };
}

/** go-sql-driver's `ParseDSN` plus `normalize`, for the networks and TLS configs daprd can use. */
export function parseMysqlDsn(dsn: string): MysqlDsn {
  const slash = dsn.lastIndexOf('/');
  if (slash < 0) {
    if (dsn.length > 0) throw new DsnError('invalid DSN: missing the slash separating the database name');
  }
  const authority = slash > 0 ? parseAuthority(dsn.slice(0, slash)) : { user: '', password: '', net: '', addr: '' };
  const tail = slash >= 0 ? dsn.slice(slash + 1) : '';
  const question = tail.indexOf('?');
  const params = parseParams(question >= 0 ? tail.slice(question + 1) : '');
  const rawDbName = question >= 0 ? tail.slice(0, question) : tail;
  let dbName: string;
  try {
    dbName = goUnescape(rawDbName, false);
  } catch (error) {
    throw new DsnError(`invalid dbname ${JSON.stringify(rawDbName)}: ${(error as Error).message}`);
  }
  const net = authority.net || 'tcp';
  if (net !== 'tcp' && net !== 'unix') {
    if (authority.addr === '') throw new DsnError(`default addr for network '${net}' unknown`);
    throw new DsnError(`network "${net}" is not supported (use tcp or unix)`);
  }
  let addr = authority.addr;
  if (addr === '') addr = net === 'tcp' ? '127.0.0.1:3306' : '/tmp/mysql.sock';
  else if (net === 'tcp') addr = ensureHavePort(addr);
  const { interpolateParams: _interpolate, ...kept } = params;
  return { user: authority.user, password: authority.password, net, addr, dbName, ...kept };
}

/**
 * A DSN error for messages and logs, with the password (and, when the DSN is too broken to tell
 * where it is, everything between the first `:` and the last `@`) removed.
 */
export function describeDsnError(dsn: string, error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const at = dsn.lastIndexOf('@');
  const colon = dsn.indexOf(':');
  const secrets = [colon >= 0 && at > colon ? dsn.slice(colon + 1, at) : ''];
  try {
    secrets.push(parseAuthority(dsn.slice(0, Math.max(dsn.lastIndexOf('/'), 0))).password);
  } catch {
    // the authority itself is malformed: the broad cut above already covers it
  }
  for (const secret of secrets) {
    if (secret !== '') message = message.split(secret).join('***');
  }
  return message;
}
