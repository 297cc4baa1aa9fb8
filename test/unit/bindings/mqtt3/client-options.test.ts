import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkComponentProperties } from '../../../../src/bindings/module';
import { parseBrokerUrl } from '../../../../src/bindings/mqtt3/broker-url';
import { producerClientId, SANDBOX_SUFFIX } from '../../../../src/bindings/mqtt3/client-id';
import { clientOptions } from '../../../../src/bindings/mqtt3/client-options';
import { spec, type Mqtt3Config } from '../../../../src/bindings/mqtt3/spec';
import { recordingLogger } from '../../../support/recording-logger';

function config(properties: Record<string, string> = {}): Mqtt3Config {
  const result = checkComponentProperties(spec, {
    url: 'tcp://127.0.0.1:1883',
    topic: 't',
    consumerID: 'app',
    ...properties,
  });
  expect(result.errors).toEqual([]);
  return result.config;
}

/** A self-signed certificate and its key, made by openssl in a temp dir. */
function selfSigned(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mqtt3-unit-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=client',
    ], { stdio: 'ignore' }); // prettier-ignore
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('mqtt3 client id', () => {
  it("is daprd's <consumerID>-producer with a suffix fixed for this sandbox", () => {
    expect(producerClientId('app', 'abcd1234')).toBe('app-producer-abcd1234');
    expect(SANDBOX_SUFFIX).toMatch(/^[0-9a-f]{8}$/);
    expect(producerClientId('app')).toBe(`app-producer-${SANDBOX_SUFFIX}`);
    expect(producerClientId('app')).toBe(producerClientId('app'));
  });
});

describe('mqtt3 client options', () => {
  it('connects with MQTT 3.1.1, keep-alive 30 s, and no reconnect loop or offline queue', () => {
    const cfg = config({ cleanSession: 'true' });
    const options = clientOptions(cfg, parseBrokerUrl(cfg.url), 'app-producer-x', recordingLogger());
    expect(options).toMatchObject({
      protocol: 'mqtt',
      host: '127.0.0.1',
      port: 1883,
      protocolVersion: 4,
      clientId: 'app-producer-x',
      clean: true,
      keepalive: 30,
      connectTimeout: 10_000,
      reconnectPeriod: 0,
      queueQoSZero: false,
    });
    expect(options.username).toBeUndefined();
    expect(options.password).toBeUndefined();
    expect(options.ca).toBeUndefined();
  });

  it('sends the URL credentials, and a password only with a user name', () => {
    const withUser = config({ url: 'tcp://user:secret@broker:1883' });
    expect(clientOptions(withUser, parseBrokerUrl(withUser.url), 'c', recordingLogger())).toMatchObject({
      username: 'user',
      password: 'secret',
    });
    const passwordOnly = config({ url: 'tcp://:secret@broker:1883' });
    const options = clientOptions(passwordOnly, parseBrokerUrl(passwordOnly.url), 'c', recordingLogger());
    expect(options.username).toBeUndefined();
    expect(options.password).toBeUndefined();
  });

  it('uses caCert and a loadable client key pair on TLS schemes only', () => {
    const pair = selfSigned();
    const tls = config({ url: 'ssl://broker:8883', caCert: pair.cert, clientCert: pair.cert, clientKey: pair.key });
    expect(clientOptions(tls, parseBrokerUrl(tls.url), 'c', recordingLogger())).toMatchObject({
      protocol: 'mqtts',
      ca: pair.cert,
      cert: pair.cert,
      key: pair.key,
      rejectUnauthorized: true,
    });
    const plain = config({ caCert: pair.cert, clientCert: pair.cert, clientKey: pair.key });
    const options = clientOptions(plain, parseBrokerUrl(plain.url), 'c', recordingLogger());
    expect([options.ca, options.cert, options.key]).toEqual([undefined, undefined, undefined]);
  });

  it("leaves out a key pair that does not load, with daprd's warning", () => {
    const pair = selfSigned();
    const other = selfSigned();
    const logger = recordingLogger();
    const cfg = config({ url: 'mqtts://broker:8883', clientCert: pair.cert, clientKey: other.key });
    const options = clientOptions(cfg, parseBrokerUrl(cfg.url), 'c', logger);
    expect(options.cert).toBeUndefined();
    expect(options.key).toBeUndefined();
    const warnings = logger.lines.map((line) => JSON.parse(line) as { level: string; message: string });
    expect(warnings).toEqual([
      expect.objectContaining({ level: 'warn', message: 'Unable to load client certificate and key pair' }),
    ]);
  });
});
