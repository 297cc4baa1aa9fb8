import { Partitioners } from 'kafkajs';
import { createDaprPartitioner, fnv1a32, saramaPartition } from '../../../../src/bindings/kafka/partitioner';

// Produced by IBM/sarama v1.45.2 NewHashPartitioner(...).Partition for these keys and partition counts.
const SARAMA_REFERENCE: Array<[number, string, number]> = [
  [3, 'test', 2],
  [3, 'order-100', 0],
  [3, 'a', 0],
  [3, '', 0],
  [3, 'héllo', 0],
  [3, 'user:42', 2],
  [3, 'partition-key-that-is-long', 0],
  [7, 'test', 6],
  [7, 'order-100', 0],
  [7, 'a', 6],
  [7, '', 2],
  [7, 'héllo', 4],
  [7, 'user:42', 1],
  [7, 'partition-key-that-is-long', 0],
  [12, 'test', 11],
  [12, 'order-100', 9],
  [12, 'a', 0],
  [12, '', 3],
  [12, 'héllo', 0],
  [12, 'user:42', 2],
  [12, 'partition-key-that-is-long', 9],
];

function partitionMetadata(count: number) {
  return Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    partitionErrorCode: 0,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
}

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published FNV-1a test vector', (input, expected) => {
    expect(fnv1a32(Buffer.from(input))).toBe(expected);
  });
});

describe('saramaPartition', () => {
  it.each(SARAMA_REFERENCE)('places key with %d partitions, %j, where sarama does', (count, key, expected) => {
    expect(saramaPartition(Buffer.from(key, 'utf8'), count)).toBe(expected);
  });
});

describe('createDaprPartitioner', () => {
  const fnv = createDaprPartitioner('fnv1a')();

  it('uses an explicit partition that exists', () => {
    expect(
      fnv({ topic: 't', partitionMetadata: partitionMetadata(3), message: { key: 'test', value: null, partition: 1 } }),
    ).toBe(1);
  });

  it("refuses an explicit partition outside the topic with sarama's message, without retries", () => {
    let error: unknown;
    try {
      fnv({ topic: 't', partitionMetadata: partitionMetadata(3), message: { value: null, partition: 3 } });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe('partition number 3 is out of range, topic has 3 partitions');
    expect((error as { retriable: boolean }).retriable).toBe(false);
  });

  it('hashes a key with FNV-1a by default', () => {
    expect(fnv({ topic: 't', partitionMetadata: partitionMetadata(7), message: { key: 'héllo', value: null } })).toBe(
      4,
    );
  });

  it('spreads unkeyed records over every partition', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200; i += 1)
      seen.add(fnv({ topic: 't', partitionMetadata: partitionMetadata(3), message: { value: null } }));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it("uses the Java client's murmur2 placement (kafkajs DefaultPartitioner) when asked", () => {
    const murmur = createDaprPartitioner('murmur2')();
    const javaDefault = Partitioners.DefaultPartitioner();
    const keys = SARAMA_REFERENCE.filter(([count]) => count === 12).map(([, key]) => key);
    const args = (key: string) => ({
      topic: 't',
      partitionMetadata: partitionMetadata(12),
      message: { key, value: null },
    });
    expect(keys.map((key) => murmur(args(key)))).toEqual(keys.map((key) => javaDefault(args(key))));
    expect(keys.some((key) => murmur(args(key)) !== saramaPartition(Buffer.from(key), 12))).toBe(true);
  });
});
