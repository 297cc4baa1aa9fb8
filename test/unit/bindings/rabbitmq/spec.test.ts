import { checkComponentProperties } from '../../../../src/bindings/module';
import { queueArguments, socketOptions } from '../../../../src/bindings/rabbitmq/connection';
import { spec, type RabbitMQConfig } from '../../../../src/bindings/rabbitmq/spec';
import { goDurationNs } from '../../../../src/bindings/rabbitmq/ttl';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, { host: 'amqp://u:secret@broker:5672', queueName: 'q', ...properties });
}

function config(properties: Record<string, string>): RabbitMQConfig {
  const result = check(properties);
  expect(result.errors).toEqual([]);
  return result.config;
}

describe('rabbitmq spec', () => {
  it('has only create, as daprd', () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("decodes daprd's fields and defaults, input-only ones included", () => {
    const result = check({ prefetchCount: '10', reconnectWaitInSeconds: '5', contentType: 'application/json' });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ durable: false, deleteWhenUnused: false, exclusive: false });
  });

  it('requires host and queueName, without showing the host', () => {
    const result = checkComponentProperties(spec, {});
    expect(result.errors).toEqual(['metadata "host" is required', 'metadata "queueName" is required']);
    const bad = check({ host: 'http://u:secret@broker' });
    expect(bad.errors).toEqual(['metadata "host" must start with amqp:// or amqps://, not http://']);
    expect(check({ host: 'not a url secret' }).errors.join()).not.toContain('secret');
  });

  it('declares the queue with x-message-ttl (from ttl or ttlInSeconds) and x-max-priority only when set', () => {
    expect(queueArguments(config({}))).toEqual({});
    expect(queueArguments(config({ ttlInSeconds: '60', maxPriority: '10' }))).toEqual({
      'x-message-ttl': 60_000,
      'x-max-priority': 10,
    });
    expect(queueArguments(config({ ttl: '1m30s' }))).toEqual({ 'x-message-ttl': 90_000 });
    expect(queueArguments(config({ ttl: '-1s' }))).toEqual({ 'x-message-ttl': 0 });
  });

  it("refuses a bad queue TTL, maxPriority or PEM with daprd's messages", () => {
    expect(check({ ttl: 'x' }).errors).toEqual([
      "failed to parse TTL: ttl value must be a valid integer: actual is 'x'",
    ]);
    expect(check({ ttlInSeconds: '-3' }).errors).toEqual([
      "failed to parse TTL: ttl value must be higher than zero: actual is '-3'",
    ]);
    expect(check({ maxPriority: '256' }).errors[0]).toMatch(/^can't parse maxPriority field/);
    expect(check({ caCert: 'nope' }).errors).toEqual(['invalid ca certificate']);
    expect(check({ clientCert: 'nope' }).errors).toEqual(['invalid client certificate']);
    expect(check({ clientKey: 'nope' }).errors).toEqual(['invalid client certificate key']);
  });

  it('uses the TLS material (and SASL EXTERNAL) only when caCert, clientCert and clientKey are all set, as daprd', () => {
    expect(socketOptions(config({ caCert: PEM, clientCert: PEM }))).toEqual({ timeout: expect.any(Number) });
    const tls = socketOptions(config({ caCert: PEM, clientCert: PEM, clientKey: KEY, externalSasl: 'true' }));
    expect(tls).toMatchObject({ ca: [PEM], cert: PEM, key: KEY });
    expect(tls.credentials?.mechanism).toBe('EXTERNAL');
    expect(socketOptions(config({ caCert: PEM, clientCert: PEM, clientKey: KEY })).credentials).toBeUndefined();
  });

  it('parses Go durations exactly, as time.ParseDuration', () => {
    expect(goDurationNs('1h2m3.5s')).toBe(3_723_500_000_000n);
    expect(goDurationNs('-1.5ms')).toBe(-1_500_000n);
    expect(goDurationNs('5.s')).toBe(5_000_000_000n);
    expect(goDurationNs('.s')).toBeUndefined();
    expect(goDurationNs('5')).toBeUndefined();
    expect(goDurationNs('-0')).toBe(0n);
    expect(goDurationNs('3000000h')).toBeUndefined();
  });
});
