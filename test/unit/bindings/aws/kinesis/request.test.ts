import type { InvokeRequest } from '../../../../../src/bindings/driver';
import { partitionKeyOf } from '../../../../../src/bindings/aws/kinesis/request';

const request = (metadata: Record<string, string>): InvokeRequest => ({
  name: 'records',
  operation: 'create',
  data: Buffer.from('"x"'),
  metadata,
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('partitionKeyOf (daprd: metadata partitionKey, else a new UUID)', () => {
  it('takes the request partitionKey as it is', () => {
    expect(partitionKeyOf(request({ partitionKey: ' user 1 ' }))).toBe(' user 1 ');
  });

  it.each([
    ['absent', {}],
    ['empty', { partitionKey: '' }],
    ['spelled in another case (daprd reads the exact key)', { PartitionKey: 'k', partitionkey: 'k' }],
  ])('is a new UUID v4 when the key is %s', (_label, metadata) => {
    const first = partitionKeyOf(request(metadata));
    const second = partitionKeyOf(request(metadata));
    expect(first).toMatch(UUID_V4);
    expect(second).toMatch(UUID_V4);
    expect(first).not.toBe(second);
  });

  it('uses the given key generator', () => {
    expect(partitionKeyOf(request({}), () => 'fixed')).toBe('fixed');
  });
});
