/** The component fields that daprd merges into the connection string (common/authentication/postgresql). */
export interface ConnectionFields {
  connectionString?: string;
  host?: string;
  hostaddr?: string;
  port?: string;
  database?: string;
  user?: string;
  password?: string;
  sslRootCert?: string;
}

/** Connection parameters by pgx's names (`dbname` is read as `database`), after daprd's overrides. */
export type ConnectionSettings = Map<string, string>;

const SPACE = /[ \t\n\r\v\f]/;

function isUrlForm(connectionString: string): boolean {
  return connectionString.startsWith('postgres://') || connectionString.startsWith('postgresql://');
}

/** The metadata fields that override the connection string, by the connection-string key daprd writes. */
function overrides(fields: ConnectionFields): Map<string, string> {
  const entries: Array<[string, string | undefined]> = [
    ['user', fields.user],
    ['host', fields.host],
    ['hostaddr', fields.hostaddr],
    ['port', fields.port],
    ['database', fields.database],
    ['password', fields.password],
    ['sslrootcert', fields.sslRootCert],
  ];
  return new Map(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/**
 * daprd's `buildDSNConnectionString`: splits on single spaces, drops parts without `=`, replaces the
 * values of overridden keys and appends the other overrides.
 */
function buildKeywordValue(connectionString: string, extra: Map<string, string>): string {
  const parts: string[] = [];
  for (const part of connectionString.split(' ')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const override = extra.get(key);
    parts.push(`${key}=${override ?? part.slice(eq + 1)}`);
    extra.delete(key);
  }
  for (const [key, value] of extra) parts.push(`${key}=${value}`);
  if (parts.length === 0) {
    throw new Error(
      'failed to build connection string: metadata "connectionString" (or host, user, database…) is required',
    );
  }
  return parts.join(' ');
}

/** pgx's `parseKeywordValueSettings`: libpq `key=value` pairs, values optionally single-quoted, `\` escapes. */
export function parseKeywordValue(text: string): ConnectionSettings {
  const settings: ConnectionSettings = new Map();
  let s = text;
  while (s.length > 0) {
    const eq = s.indexOf('=');
    if (eq < 0) throw new Error('invalid keyword/value');
    let key = s.slice(0, eq).replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
    s = s.slice(eq + 1).replace(/^[ \t\n\r\v\f]+/, '');
    let raw = '';
    if (s.length > 0 && s[0] !== "'") {
      let end = 0;
      for (; end < s.length && !SPACE.test(s[end]!); end++) {
        if (s[end] === '\\') {
          end++;
          if (end === s.length) throw new Error('invalid backslash');
        }
      }
      raw = s.slice(0, end);
      s = s.slice(end + 1);
    } else if (s.length > 0) {
      s = s.slice(1);
      let end = 0;
      for (; end < s.length && s[end] !== "'"; end++) if (s[end] === '\\') end++;
      if (end >= s.length) throw new Error('unterminated quoted string in connection info string');
      raw = s.slice(0, end);
      s = s.slice(end + 1);
    }
    if (key === 'dbname') key = 'database';
    if (key === '') throw new Error('invalid keyword/value');
    settings.set(key, raw.replaceAll('\\\\', '\\').replaceAll("\\'", "'"));
  }
  return settings;
}

/** daprd's `buildURLConnectionString` followed by pgx's URL parsing, straight to settings. */
function parseUrlForm(connectionString: string, extra: Map<string, string>): ConnectionSettings {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error('invalid URL connection string: the URL cannot be parsed');
  }
  const settings: ConnectionSettings = new Map();
  const user = extra.get('user') ?? decodeURIComponent(url.username);
  if (user) settings.set('user', user);
  const password = extra.get('password') ?? decodeURIComponent(url.password);
  if (password) settings.set('password', password);
  const host = extra.get('hostaddr') ?? extra.get('host') ?? url.hostname;
  // daprd appends `:port` to the host it has: with a port already there, pgx refuses the result.
  if (extra.has('port') && url.port && !extra.has('host') && !extra.has('hostaddr')) {
    throw new Error('invalid URL connection string: the URL already has a port and metadata "port" is set');
  }
  if (host) settings.set('host', host.replace(/^\[(.*)\]$/, '$1'));
  const port = extra.get('port') ?? url.port;
  if (port) settings.set('port', port);
  const database = extra.get('database')?.replace(/^\//, '') ?? decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database) settings.set('database', database);
  for (const [key, value] of url.searchParams) settings.set(key === 'dbname' ? 'database' : key, value);
  const rootCert = extra.get('sslrootcert');
  if (rootCert) settings.set('sslrootcert', rootCert);
  return settings;
}

/**
 * The connection settings daprd ends up with: the connection string (URL or keyword/value form)
 * with the component's `host`, `port`, `user`… fields overriding it. Throws daprd's messages.
 */
export function connectionSettings(fields: ConnectionFields): ConnectionSettings {
  const connectionString = fields.connectionString ?? '';
  const extra = overrides(fields);
  if (isUrlForm(connectionString)) return parseUrlForm(connectionString, extra);
  const built = buildKeywordValue(connectionString, extra);
  try {
    return parseKeywordValue(built);
  } catch (error) {
    throw new Error(`failed to parse connection string: ${(error as Error).message}`, { cause: error });
  }
}
