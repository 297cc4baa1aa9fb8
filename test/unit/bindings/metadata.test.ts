import { decodeComponentMetadata, parseBool, parseByteSize, parseDuration } from '../../../src/bindings/metadata';
import { field } from '../../../src/bindings/spec';

describe('parseBool', () => {
  it.each(['y', 'yes', 'true', 't', 'on', '1', 'TRUE', ' Yes '])('reads %j as true (Dapr truthy)', (raw) => {
    expect(parseBool(raw)).toBe(true);
  });
  it.each(['n', 'no', 'false', 'f', 'off', '0', ''])('reads %j as false', (raw) => {
    expect(parseBool(raw)).toBe(false);
  });
  it('refuses a typo instead of silently reading false', () => {
    expect(() => parseBool('ture')).toThrow('"ture" is not a boolean');
  });
});

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['10', 10_000],
    ['0', 0],
    ['250us', 0.25],
  ])('reads %j as %d ms (Go durations; a bare number is seconds)', (raw, ms) => {
    expect(parseDuration(raw)).toBe(ms);
  });
  it.each(['', 'soon', '10 s', '-5s', '1d'])('refuses %j', (raw) => {
    expect(() => parseDuration(raw)).toThrow('is not a duration');
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1048576],
    ['1Mi', 1048576],
    ['512Ki', 524288],
    ['4M', 4_000_000],
    ['1Gi', 1073741824],
  ])('reads %j as %d bytes', (raw, bytes) => {
    expect(parseByteSize(raw)).toBe(bytes);
  });
  it('refuses an unknown unit', () => {
    expect(() => parseByteSize('10MB')).toThrow('is not a byte size');
  });
});

describe('decodeComponentMetadata', () => {
  const fields = {
    brokers: field.string({ description: 'b', required: true }),
    clientID: field.string({ description: 'c', default: 'sarama', aliases: ['clientId'] }),
    retries: field.number({ description: 'r', default: 5 }),
    tls: field.bool({ description: 't', default: false }),
    mode: field.enum(['none', 'password'], { description: 'm', unsupported: { oidc: 'not yet' } }),
    password: field.string({ description: 'p', sensitive: true }),
    wait: field.duration({ description: 'w', default: 1000 }),
  };

  it('matches names case-insensitively and applies defaults', () => {
    const result = decodeComponentMetadata(fields, { BROKERS: 'b:1', TLS: 'on', Mode: 'PASSWORD' });
    expect(result.errors).toEqual([]);
    expect(result.config).toEqual({
      brokers: 'b:1',
      clientID: 'sarama',
      retries: 5,
      tls: true,
      mode: 'password',
      password: undefined,
      wait: 1000,
    });
  });

  it('accepts an alias', () => {
    expect(decodeComponentMetadata(fields, { brokers: 'b:1', clientId: 'me' }).config.clientID).toBe('me');
  });

  it('reports a duplicate after lower-casing, as Dapr does', () => {
    expect(decodeComponentMetadata(fields, { brokers: 'a:1', Brokers: 'b:1' }).errors).toEqual([
      'metadata "Brokers" is given twice (also as "brokers")',
    ]);
  });

  it('reports missing required fields and values of the wrong type, each once', () => {
    const { errors } = decodeComponentMetadata(fields, { retries: 'five', wait: 'later', mode: 'kerberos' });
    expect(errors).toEqual([
      'metadata "brokers" is required',
      'metadata "retries": "five" is not an integer',
      'metadata "mode": "kerberos" is not one of none, password',
      'metadata "wait": "later" is not a duration (e.g. 30s, 500ms, 1m30s)',
    ]);
  });

  it('explains a value that daprd knows but this project does not support yet', () => {
    expect(decodeComponentMetadata(fields, { brokers: 'b:1', mode: 'oidc' }).errors).toEqual([
      'metadata "mode": "oidc" is not supported yet: not yet',
    ]);
  });

  it('lists unknown keys for a warning', () => {
    expect(decodeComponentMetadata(fields, { brokers: 'b:1', extra: 'x' }).unknown).toEqual(['extra']);
  });

  it('treats deferred (envRef) keys as present without checking them', () => {
    const result = decodeComponentMetadata(fields, { retries: '1' }, new Set(['brokers']));
    expect(result.errors).toEqual([]);
    expect(result.config.brokers).toBeUndefined();
  });
});
