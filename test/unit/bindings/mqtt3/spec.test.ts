import { checkComponentProperties } from '../../../../src/bindings/module';
import { DEFAULT_WAIT_MS, spec } from '../../../../src/bindings/mqtt3/spec';

const BASE = { url: 'tcp://127.0.0.1:1883', topic: 'orders', consumerID: 'app' };

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, { ...BASE, ...properties });
}

/** A syntactically valid PEM block (base64 body), as Go's pem.Decode accepts. */
function pem(label: string): string {
  return `-----BEGIN ${label}-----\nTUlJQnh6Q0NBVzJnQXdJQkFnSVVD\nYWJj\n-----END ${label}-----\n`;
}

describe('mqtt3 spec', () => {
  it('is bindings.mqtt3 with the alias bindings.mqtt and the single operation create', () => {
    expect(spec.type).toBe('bindings.mqtt3');
    expect(spec.aliases).toEqual(['bindings.mqtt']);
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("decodes daprd's fields with its code defaults: retain false, cleanSession false", () => {
    const result = check({});
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ ...BASE, retain: false, cleanSession: false });
    expect(spec.operationTimeoutMs(result.config)).toBe(2 * DEFAULT_WAIT_MS);
  });

  it('matches names case-insensitively and reads bools with Dapr truthy values', () => {
    const result = checkComponentProperties(spec, {
      URL: 'mqtt://broker:1883',
      Topic: 't',
      consumerid: 'c',
      RETAIN: 'yes',
      cleansession: 'on',
    });
    expect(result.errors).toEqual([]);
    expect(result.config).toMatchObject({ url: 'mqtt://broker:1883', topic: 't', consumerID: 'c', retain: true });
    expect(result.config.cleanSession).toBe(true);
  });

  it('accepts the deprecated qos and the input-only backOffMaxRetries without using them', () => {
    const result = check({ qos: '2', backOffMaxRetries: '3' });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(spec.metadata.qos.options.ignored).toBe(true);
    expect(spec.metadata.backOffMaxRetries.options.ignored).toBe(true);
    expect(check({ backOffMaxRetries: 'many' }).errors).toEqual([
      'metadata "backOffMaxRetries": "many" is not an integer',
    ]);
  });

  it.each([
    ['url', 'metadata "url" is required'],
    ['topic', 'metadata "topic" is required'],
    ['consumerID', 'metadata "consumerID" is required'],
  ])('requires %s, as daprd Init does (missing url/topic/consumerID)', (name, message) => {
    expect(check({ [name]: '' }).errors).toContain(message);
    const without: Record<string, string> = { ...BASE };
    delete without[name];
    expect(checkComponentProperties(spec, without).errors).toContain(message);
  });

  it("checks caCert, clientCert and clientKey hold a PEM block, with daprd's messages", () => {
    expect(check({ caCert: 'randomNonPEMBlockCA' }).errors).toEqual(['invalid ca certificate']);
    expect(check({ clientCert: 'nope' }).errors).toEqual(['invalid client certificate']);
    expect(check({ clientKey: 'nope' }).errors).toEqual(['invalid client certificate key']);
    const good = check({ caCert: pem('CERTIFICATE'), clientCert: pem('CERTIFICATE'), clientKey: pem('PRIVATE KEY') });
    expect(good.errors).toEqual([]);
  });

  it('marks clientKey as a secret', () => {
    expect(spec.metadata.clientKey.options.sensitive).toBe(true);
  });

  it('refuses a URL paho could never connect to, without quoting it (it may hold a password)', () => {
    const noPort = check({ url: 'tcp://user:hunter2@broker' }).errors;
    expect(noPort).toEqual(['metadata "url" needs a port with the tcp scheme (e.g. :1883)']);
    const scheme = check({ url: 'http://user:hunter2@broker:80' }).errors;
    expect(scheme).toHaveLength(1);
    expect(scheme[0]).toMatch(/^metadata "url" has the unsupported scheme "http"/);
    expect(check({ url: 'not a url' }).errors).toEqual([
      'metadata "url" is not a valid URL (expected e.g. tcp://host:1883)',
    ]);
    for (const errors of [noPort, scheme]) expect(errors.join()).not.toContain('hunter2');
  });

  it('rebuilds a connection idle for a keep-alive period, before the broker would drop it', () => {
    expect(spec.rebuildAfterIdleMs).toBe(30_000);
  });
});
