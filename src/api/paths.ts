/** A route this API serves, parsed from a request path. */
export type Route =
  { kind: 'binding'; name: string } | { kind: 'metadata' } | { kind: 'healthz' } | { kind: 'unknown' };

/** Go's `url.QueryUnescape`, which daprd applies to `{name}`: `+` is a space, `%2F` a slash. */
function queryUnescape(segment: string): string {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    return segment;
  }
}

/** Collapses `//` and drops a trailing `/`, as daprd's CleanPath and StripSlashes middlewares do. */
function cleanPath(rawPath: string): string {
  const cleaned = `/${rawPath
    .split('/')
    .filter((part) => part !== '')
    .join('/')}`;
  return cleaned;
}

/** Maps a raw path to a route: `/v1.0/bindings/{name}` and the short `/bindings/{name}`, metadata, health. */
export function matchRoute(rawPath: string): Route {
  const path = cleanPath(rawPath);
  const binding = /^(?:\/v1\.0)?\/bindings\/([^/]+)$/.exec(path);
  if (binding) return { kind: 'binding', name: queryUnescape(binding[1]!) };
  if (path === '/v1.0/metadata') return { kind: 'metadata' };
  if (path === '/v1.0/healthz' || path === '/v1.0/healthz/outbound') return { kind: 'healthz' };
  return { kind: 'unknown' };
}
