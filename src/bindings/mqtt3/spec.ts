import { defineBinding, field, type DecodedConfig } from '../spec';
import { parseBrokerUrl } from './broker-url';
import { hasPemBlock } from './pem';
import { urlHasPassword } from '../credentials';

/** daprd's `defaultWait` (bindings/mqtt3/metadata.go): the bound of a connect and of one publish. */
export const DEFAULT_WAIT_MS = 10_000;

/** paho's default keep-alive, which daprd does not change. */
export const KEEPALIVE_SECONDS = 30;

/** The QoS daprd always publishes with: its `qos` metadata is deprecated and ignored. */
export const PUBLISH_QOS = 1;

/** The mqtt3 component's fields, with daprd's names and defaults (bindings/mqtt3/metadata.go). */
const mqtt3Fields = {
  url: field.string({
    description:
      'Broker URL: tcp:// or mqtt:// (plain), ssl://, tls://, mqtts://, tcps:// or mqtt+ssl:// (TLS), ws:// or wss://; ' +
      'user:password in it are the credentials (then keep the URL in a secret). A path is ignored, as daprd does.',
    required: true,
    sensitive: urlHasPassword,
  }),
  topic: field.string({
    description: 'Topic every message is published to, unless the request metadata `topic` names another.',
    required: true,
  }),
  consumerID: field.string({
    description:
      'Client ID base: the connection uses `<consumerID>-producer-<sandbox suffix>` (daprd: `<consumerID>-producer`).',
    required: true,
  }),
  retain: field.bool({ description: 'Publish with the retain flag.', default: false }),
  cleanSession: field.bool({
    description: 'Connect with a clean session (daprd default false, although its metadata.yaml says true).',
    default: false,
  }),
  qos: field.string({
    description: 'Deprecated in daprd and ignored: messages are always published with QoS 1.',
    ignored: true,
  }),
  backOffMaxRetries: field.number({
    description: 'Retries of the input binding handler in daprd; not used by an output binding.',
    ignored: true,
  }),
  caCert: field.string({ description: 'PEM CA certificate trusted for the broker (TLS schemes).' }),
  clientCert: field.string({ description: 'PEM client certificate (TLS schemes, with clientKey).' }),
  clientKey: field.string({ description: 'PEM client private key (TLS schemes, with clientCert).', sensitive: true }),
};

/** The decoded mqtt3 component configuration. */
export type Mqtt3Config = DecodedConfig<typeof mqtt3Fields>;

/** daprd's Init checks (parseMQTTMetaData), plus a URL paho could never connect to. */
function validateMqtt3Config(config: Mqtt3Config): string[] {
  const errors: string[] = [];
  try {
    parseBrokerUrl(config.url);
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (config.caCert && !hasPemBlock(config.caCert)) errors.push('invalid ca certificate');
  if (config.clientCert && !hasPemBlock(config.clientCert)) errors.push('invalid client certificate');
  if (config.clientKey && !hasPemBlock(config.clientKey)) errors.push('invalid client certificate key');
  return errors;
}

/** The MQTT 3.1.1 output binding (`bindings.mqtt3`, alias `bindings.mqtt`): publish to a topic. */
export const spec = defineBinding({
  type: 'bindings.mqtt3',
  aliases: ['bindings.mqtt'],
  versions: ['v1'],
  description: 'Publishes to an MQTT 3.1.1 broker with QoS 1, one connection per component.',
  differences: [
    'The client ID is `<consumerID>-producer-<suffix>`, the suffix fixed per sandbox (daprd: `<consumerID>-producer`): a broker drops the older of two connections with one ID, and Lambda runs many sandboxes at once.',
    'A broker that cannot be reached fails the call at once with the cause (e.g. `connect ECONNREFUSED`); daprd keeps retrying in the background and answers `mqtt client timed out connecting` after 10 s. No offline queue: a publish interrupted by a closed connection is retried once on a new connection within the deadline (daprd: 3 retries, 200 ms apart).',
    'Refused before sending: a topic with `+`, `#` or a null character (daprd sends it and the broker drops the connection). Refused at build time: a `url` paho could never dial (unknown scheme, `unix://`, tcp/ssl without a port).',
    'MQTT 3.1.1 only (paho falls back to 3.1 for brokers that need it).',
  ],
  metadata: mqtt3Fields,
  operations: {
    create: {
      description: 'Publishes the data bytes as they are (no unquoting); 204 once the broker acknowledged (PUBACK).',
      metadata: { topic: 'Topic for this message instead of the component topic (exact-case key; empty: ignored).' },
    },
  },
  validate: (config) => validateMqtt3Config(config),
  // A reconnect, then one publish, each bounded by daprd's defaultWait.
  operationTimeoutMs: () => 2 * DEFAULT_WAIT_MS,
  // The broker drops a client silent for 1.5 keep-alives; a sandbox frozen that long holds a dead socket.
  rebuildAfterIdleMs: KEEPALIVE_SECONDS * 1000,
});
