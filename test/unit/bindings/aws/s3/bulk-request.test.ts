import { parseBulkCreate, parseBulkDelete, parseBulkGet } from '../../../../../src/bindings/aws/s3/bulk-request';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('aws.s3 bulk payloads', () => {
  it('reads items with the default concurrency of 10', () => {
    expect(parseBulkGet(json({ items: [{ key: 'a' }, { key: 'b', filePath: '/tmp/b' }] }))).toEqual({
      items: [{ key: 'a' }, { key: 'b', filePath: '/tmp/b' }],
      concurrency: 10,
    });
    expect(parseBulkCreate(json({ Items: [{ key: 'a', data: 'x', contentType: 't' }], concurrency: 3 }))).toEqual({
      items: [{ key: 'a', data: 'x', contentType: 't' }],
      concurrency: 3,
    });
    expect(parseBulkDelete(json({ keys: ['a', 'b'] }))).toEqual(['a', 'b']);
  });

  it("refuses empty payloads and bad concurrency with daprd's text", () => {
    expect(() => parseBulkGet(Buffer.from('null'))).toThrow('s3 binding error: bulkGet requires at least one item');
    expect(() => parseBulkCreate(json({ items: [] }))).toThrow(
      's3 binding error: bulkCreate requires at least one item',
    );
    expect(() => parseBulkDelete(json({}))).toThrow('s3 binding error: bulkDelete requires at least one key');
    expect(() => parseBulkGet(json({ items: [{ key: 'a' }], concurrency: 0 }))).toThrow(
      's3 binding error: concurrency must be greater than 0, got 0',
    );
    expect(() => parseBulkGet(json({ items: [{ key: 'a' }], concurrency: -1 }))).toThrow(
      's3 binding error: concurrency must be greater than 0, got -1',
    );
  });

  it("gives Go's unmarshal errors with daprd's prefix", () => {
    expect(() => parseBulkGet(Buffer.from('#'))).toThrow(
      "s3 binding error: invalid bulkGet payload: invalid character '#' looking for beginning of value",
    );
    expect(() => parseBulkCreate(json({ items: [{ key: 'a', data: 5 }] }))).toThrow(
      's3 binding error: invalid bulkCreate payload: json: cannot unmarshal number into Go struct field bulkCreateItem.items.data of type string',
    );
    expect(() => parseBulkGet(json({ items: ['a'] }))).toThrow(
      's3 binding error: invalid bulkGet payload: json: cannot unmarshal string into Go struct field bulkGetPayload.items of type s3.bulkGetItem',
    );
    expect(() => parseBulkDelete(json({ keys: 'a' }))).toThrow(
      's3 binding error: invalid bulkDelete payload: json: cannot unmarshal string into Go struct field bulkDeletePayload.keys of type []string',
    );
  });
});
