import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import { buildRecord } from '../../../../src/bindings/kafka/driver';

function record(data: string, metadata: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const exclude = extra.excludeHeaderMetaRegex ? new RegExp(extra.excludeHeaderMetaRegex) : undefined;
  return buildRecord({ name: 'k', operation: 'create', data: Buffer.from(data), metadata }, exclude);
}

describe('buildRecord', () => {
  it('sends the data bytes as the value, and null as a tombstone', () => {
    expect(record('"hello"').value).toEqual(Buffer.from('"hello"'));
    expect(record('null').value).toBeNull();
  });

  it('takes the key from partitionKey or __key; key does nothing, as daprd', () => {
    expect(record('1', { partitionKey: 'p' }).key).toBe('p');
    expect(record('1', { __key: 'k2' }).key).toBe('k2');
    expect(record('1', { key: 'ignored' }).key).toBeNull();
  });

  it('turns every metadata entry into a header, partition keys included', () => {
    const metadata = { partitionKey: 'p', partitionNumber: '0', traceparent: 't', custom: 'é' };
    expect(record('1', metadata).headers).toEqual(metadata);
  });

  it('leaves out headers that match excludeHeaderMetaRegex (unanchored, as Go MatchString)', () => {
    const headers = record(
      '1',
      { partitionKey: 'p', 'x-secret': 's', keep: 'k' },
      { excludeHeaderMetaRegex: 'secret|^partition' },
    ).headers;
    expect(headers).toEqual({ keep: 'k' });
  });

  it('reads partitionNumber, refusing what daprd refuses', () => {
    expect(record('1', { partitionNumber: '2' }).partition).toBe(2);
    expect(() => record('1', { partitionNumber: 'two' })).toThrow('invalid partitionNumber metadata value "two"');
    expect(() => record('1', { partitionNumber: '-1' })).toThrow('partitionNumber must be non-negative, got -1');
    expect(() => record('1', { partitionNumber: '99999999999' })).toThrow(InvalidRequestMetadataError);
  });

  it('refuses Avro values, which need a schema registry this project does not have', () => {
    expect(() => record('{}', { valueSchemaType: 'Avro' })).toThrow('valueSchemaType "Avro" is not supported');
    expect(record('{}', { valueSchemaType: 'None' }).value).toEqual(Buffer.from('{}'));
  });
});
