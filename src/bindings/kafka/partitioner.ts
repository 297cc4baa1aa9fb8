import { Partitioners, type ICustomPartitioner } from 'kafkajs';

/** FNV-1a 32-bit of the key bytes, the hash sarama's `NewHashPartitioner` uses. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** The partition sarama picks for a key: `int32(hash) % n`, negated when negative. */
export function saramaPartition(key: Uint8Array, partitionCount: number): number {
  // Math.abs, not negation: JS's remainder of a negative multiple is -0, which must not leak out.
  return Math.abs((fnv1a32(key) | 0) % partitionCount);
}

/** A partition number outside the topic; not retried, reported as bad request metadata. */
export class PartitionOutOfRangeError extends Error {
  readonly retriable = false;
  constructor(partition: number, count: number) {
    super(`partition number ${partition} is out of range, topic has ${count} partitions`);
  }
}

type PartitionerArgs = Parameters<ReturnType<ICustomPartitioner>>[0];

function keyBytes(key: PartitionerArgs['message']['key']): Buffer | undefined {
  if (key === null || key === undefined) return undefined;
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}

/** daprd's placement: an explicit partition if given (checked), else the key's hash, else random. */
export function createDaprPartitioner(hash: 'fnv1a' | 'murmur2'): ICustomPartitioner {
  return () => {
    const murmur2 = Partitioners.DefaultPartitioner();
    return (args: PartitionerArgs) => {
      const count = args.partitionMetadata.length;
      const explicit = args.message.partition;
      if (explicit !== undefined && explicit !== null) {
        if (explicit >= count) throw new PartitionOutOfRangeError(explicit, count);
        return explicit;
      }
      const key = keyBytes(args.message.key);
      if (key === undefined) return Math.floor(Math.random() * count);
      return hash === 'fnv1a' ? saramaPartition(key, count) : murmur2(args);
    };
  };
}
