/** The broker address of an mqtt3 component, read from its `url` as daprd reads it. */

/** The MQTT.js transports this binding uses. */
export type Transport = 'mqtt' | 'mqtts' | 'ws' | 'wss';

/** Where and how to reach the broker, with the credentials carried in the URL. */
export interface BrokerTarget {
  transport: Transport;
  host: string;
  port: number;
  username?: string;
  password?: string;
  /** `transport://host:port`, safe to log and show (no credentials). */
  address: string;
}

/**
 * daprd maps `mqtt` to `tcp` and `mqtts`, `tcps`, `tls` to `ssl`; paho then also accepts `mqtt+ssl`,
 * `ws` and `wss` (components-contrib bindings/mqtt3/mqtt.go `createClientOptions`, paho netconn.go).
 */
const TRANSPORTS: Readonly<Record<string, Transport>> = {
  tcp: 'mqtt',
  mqtt: 'mqtt',
  ssl: 'mqtts',
  tls: 'mqtts',
  mqtts: 'mqtts',
  tcps: 'mqtts',
  'mqtt+ssl': 'mqtts',
  ws: 'ws',
  wss: 'wss',
};

/** Ports a websocket URL may leave out (gorilla/websocket's defaults); TCP and TLS need one. */
const WEBSOCKET_PORTS: Readonly<Record<string, number>> = { ws: 80, wss: 443 };

/** Go's `url.User.Username()`/`Password()` return the percent-decoded text. */
function decoded(text: string): string | undefined {
  if (text === '') return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Parses the component `url`. daprd keeps only scheme, host and port (`scheme://host`), so a path
 * is dropped, and takes the user name and password from the user info. Errors never quote the URL,
 * which may hold a password.
 */
export function parseBrokerUrl(url: string): BrokerTarget {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error('metadata "url" is not a valid URL (expected e.g. tcp://host:1883)');
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  const transport = TRANSPORTS[scheme];
  if (transport === undefined) {
    throw new Error(
      `metadata "url" has the unsupported scheme "${scheme}"; use one of ${Object.keys(TRANSPORTS).join(', ')}`,
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new Error('metadata "url" has no host');
  const port = parsed.port === '' ? WEBSOCKET_PORTS[scheme] : Number(parsed.port);
  // paho dials `host` alone for tcp and ssl, which Go refuses ("missing port in address").
  if (port === undefined) throw new Error(`metadata "url" needs a port with the ${scheme} scheme (e.g. :1883)`);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    transport,
    host,
    port,
    username: decoded(parsed.username),
    password: decoded(parsed.password),
    address: `${transport}://${shownHost}:${port}`,
  };
}
