/** Pure parts of the http binding: URL joining with path safety, request headers, response metadata. */

/** Methods daprd sends the data as a body for (bindings/http/http.go `Invoke`). */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** daprd's operation → HTTP method: upper case, and `create` is POST (backward compatibility). */
export function methodOf(operation: string): { method: string; hasBody: boolean } {
  const upper = operation.toUpperCase();
  const method = upper === 'CREATE' ? 'POST' : upper;
  return { method, hasBody: METHODS_WITH_BODY.has(method) };
}

/**
 * The URL daprd calls: `strings.TrimRight(url, "/") + "/" + strings.TrimLeft(path, "/")`, or `url` when
 * `path` is empty. Unlike daprd, a path that could leave the base URL is refused: the result is either
 * `{ url }` or `{ problem }`, and nothing is sent for a problem.
 */
export function joinUnderBase(base: string, path: string): { url: string } | { problem: string } {
  if (path === '') return { url: base };
  const refuse = (why: string) => ({ problem: `invalid path ${JSON.stringify(path)}: ${why}` });
  if (/[\u0000-\u001f\u007f]/.test(path)) return refuse('control characters are not allowed');
  if (path.includes('\\')) return refuse('backslashes are not allowed');
  if (/%(2e|2f|5c|25|00)/i.test(path))
    return refuse('percent-encoded dots, slashes, backslashes or percent signs are not allowed');
  if (path.startsWith('//')) return refuse('it must not start with // (a network-path reference)');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.includes('://')) return refuse('absolute URLs are not allowed');

  const pathPart = path.split(/[?#]/, 1)[0]!;
  let depth = 0;
  for (const segment of pathPart.replace(/^\/+/, '').split('/')) {
    if (segment === '..') depth -= 1;
    else if (segment !== '' && segment !== '.') depth += 1;
    if (depth < 0) return refuse('it climbs above the base URL');
  }

  const joined = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  let baseUrl: URL;
  let target: URL;
  try {
    baseUrl = new URL(base);
    target = new URL(joined);
  } catch {
    return refuse('the joined URL is not valid');
  }
  const basePath = baseUrl.pathname.replace(/\/+$/, '');
  const within = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  if (target.origin !== baseUrl.origin || target.username !== baseUrl.username || !within) {
    return refuse('it leaves the base URL');
  }
  return { url: joined };
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Go's `http.CanonicalHeaderKey`: `content-type` → `Content-Type`; a key with a non-token byte is kept as is. */
export function canonicalHeaderKey(key: string): string {
  if (!TOKEN.test(key)) return key;
  return key.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** Headers Go's transport takes from the request itself, never from `Header`; daprd's caller cannot set them. */
const TRANSPORT_OWNED = new Set(['host', 'content-length', 'transfer-encoding']);

const TRACE_KEYS = ['traceparent', 'tracestate', 'baggage'] as const;

/**
 * daprd's request headers, in its order of `Header.Set` calls (later wins, case-insensitively): default
 * `Content-Type` (body methods) and `Accept` unless the metadata has that exact key, the security token,
 * every metadata key starting with A–Z, then non-empty `traceparent`, `tracestate`, `baggage`.
 * Returns the headers (canonical names) or the problem with a name or value.
 */
export function requestHeaders(
  metadata: Readonly<Record<string, string>>,
  hasBody: boolean,
  token: { header?: string; value?: string } = {},
): { headers: Record<string, string> } | { problem: string } {
  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [canonicalHeaderKey(name), value]);
  if (hasBody && !Object.hasOwn(metadata, 'Content-Type')) set('Content-Type', 'application/json; charset=utf-8');
  if (!Object.hasOwn(metadata, 'Accept')) set('Accept', 'application/json; charset=utf-8');
  if (token.header && token.value) set(token.header, token.value);
  // Go ranges over a map (random order); sorting makes two spellings of one header deterministic.
  for (const key of Object.keys(metadata).sort()) {
    if (/^[A-Z]/.test(key)) set(key, metadata[key]!);
  }
  for (const key of TRACE_KEYS) {
    const value = metadata[key];
    if (value) set(key, value);
  }
  const result: Record<string, string> = {};
  for (const [lower, [name, value]] of headers) {
    if (TRANSPORT_OWNED.has(lower)) continue;
    if (!TOKEN.test(name)) return { problem: `invalid header field name ${JSON.stringify(name)}` };
    if (/[\r\n\0]/.test(value)) return { problem: `invalid header field value for ${JSON.stringify(name)}` };
    result[name] = value;
  }
  return { headers: result };
}

/** Go's `resp.Status`: the code and the reason phrase, or the code alone. */
export function statusText(status: number, reason: string): string {
  return reason ? `${status} ${reason}` : String(status);
}

/**
 * daprd's response metadata: `statusCode`, `status`, then every header under Go's canonical name with its
 * values joined by ", ". `headers` are lower-case names with already joined values; `setCookies` the separate
 * Set-Cookie values.
 */
export function responseMetadata(
  status: number,
  reason: string,
  headers: Iterable<[string, string]>,
  setCookies: readonly string[] = [],
): Record<string, string> {
  const metadata: Record<string, string> = { statusCode: String(status), status: statusText(status, reason) };
  for (const [name, value] of headers) {
    if (name.toLowerCase() === 'set-cookie') continue;
    metadata[canonicalHeaderKey(name)] = value;
  }
  if (setCookies.length > 0) metadata['Set-Cookie'] = setCookies.join(', ');
  return metadata;
}

/** Go's `url.Error` operation name: `Post`, `Get`, … */
export function goOp(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}
