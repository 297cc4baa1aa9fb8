import { checkComponentProperties } from '../../../../src/bindings/module';
import { effectiveAuthType, spec, tlsEnabled, type KafkaConfig } from '../../../../src/bindings/kafka/spec';

const base = { brokers: 'localhost:9092', publishTopic: 'sample' };

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, { ...base, ...properties });
}

describe('Kafka spec', () => {
  it("accepts the Dapr how-to's component unchanged, consumer fields included", () => {
    const result = check({ topics: 'sample', consumerGroup: 'group1', authRequired: 'false' });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(effectiveAuthType(result.config)).toBe('none');
    expect(tlsEnabled(result.config)).toBe(false);
  });

  it("uses daprd's defaults: acks all, 5 retries, 1 MiB records, 30 s timeouts, client ID sarama", () => {
    const { config } = check({ authType: 'none' });
    expect(config).toMatchObject({
      producerRequiredAcks: 'all',
      producerRetryMax: 5,
      maxMessageBytes: 1048576,
      writeTimeout: 30_000,
      dialTimeout: 30_000,
      clientID: 'sarama',
      partitioner: 'fnv1a',
      compression: 'none',
    });
    expect(spec.operationTimeoutMs(config)).toBe(30_000);
  });

  it.each([
    [{ authRequired: 'true', saslUsername: 'u', saslPassword: 'p' }, 'password', true],
    [{ authRequired: 'true' }, 'mtls', true],
    [{ authType: 'password', saslUsername: 'u', saslPassword: 'p', disableTls: 'true' }, 'password', false],
    [{ authType: 'none' }, 'none', false],
  ])('maps %j to authType %s with TLS %s, as daprd', (properties, auth, tls) => {
    const { config, errors } = check(properties);
    expect(errors).toEqual([]);
    expect(effectiveAuthType(config as KafkaConfig)).toBe(auth);
    expect(tlsEnabled(config as KafkaConfig)).toBe(tls);
  });

  it.each([
    [{}, 'metadata "authType" is required (none, password or mtls)'],
    [{ authType: 'password' }, 'authType password needs saslUsername and saslPassword'],
    [{ authType: 'mtls', disableTls: 'true' }, 'authType mtls cannot be combined with disableTls'],
    [
      { authType: 'mtls', clientCert: '-----BEGIN CERTIFICATE-----x' },
      'clientCert and clientKey must be given together',
    ],
    [{ authType: 'none', caCert: 'not a pem' }, 'metadata "caCert" is not a PEM certificate'],
    [
      { authType: 'none', brokers: 'localhost' },
      'metadata "brokers" must be host:port[,host:port...], got "localhost"',
    ],
    [
      { authType: 'none', excludeHeaderMetaRegex: '(' },
      'metadata "excludeHeaderMetaRegex": Invalid regular expression: /(/: Unterminated group',
    ],
    [
      { authType: 'awsiam' },
      'metadata "authType": "awsiam" is not supported yet: use authType password or mtls, or keep this component on daprd for now',
    ],
    [
      { authType: 'none', compression: 'zstd' },
      'metadata "compression": "zstd" is not supported yet: this build ships no zstd codec; use gzip or none',
    ],
    [
      { authType: 'none', producerRequiredAcks: 'some' },
      'metadata "producerRequiredAcks": "some" is not one of all, local, none',
    ],
  ])('refuses %j', (properties, message) => {
    expect(check(properties).errors).toEqual([message]);
  });

  it('never shows a sensitive value in an error', () => {
    const { errors } = checkComponentProperties(spec, {
      ...base,
      authType: 'none',
      saslPassword: 'hunter2',
      SASLPASSWORD: 'x',
    });
    expect(errors.join(' ')).not.toContain('hunter2');
  });

  it('declares create as its only operation, as daprd', () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });
});
