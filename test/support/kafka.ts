import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';

/** The broker the tests use: `KAFKA_BROKERS`, written by `npm run services:up`. Missing is an error, never a skip. */
export function kafkaBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run `npm run services:up` (npm test does it for you)');
  return brokers;
}

/** A topic name unique to this run. */
export function uniqueTopic(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/** A kafkajs client for reading back what the code under test wrote. */
export function testKafka(): Kafka {
  return new Kafka({ clientId: 'tests', brokers: kafkaBrokers().split(','), logLevel: logLevel.NOTHING });
}

/** Creates a topic with the given partition count and waits for its leaders. */
export async function createTopic(topic: string, numPartitions: number): Promise<void> {
  const admin: Admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Sum of the high watermarks of a topic's partitions: how many records it has ever received. */
export async function topicEndOffset(topic: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** A record as read back, with the partition it landed on. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function toRecord(partition: number, message: KafkaMessage): ReadRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
  return { partition, offset: message.offset, key: message.key, value: message.value, headers };
}

/** Reads a topic from the start until `count` records have arrived or the timeout passes. */
export async function readRecords(topic: string, count: number, timeoutMs = 30_000): Promise<ReadRecord[]> {
  const consumer = testKafka().consumer({ groupId: `tests-${randomUUID()}` });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${records.length} of ${count} records from ${topic} in ${timeoutMs}ms`)),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push(toRecord(partition, message));
            if (records.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
