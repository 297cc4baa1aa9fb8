import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { testKafka, type ReadRecord } from '../../support/kafka';

/** The topic `components/checkout.yaml` publishes to. */
export const SAMPLE_TOPIC = 'sample';

/** Creates the topic if it does not exist yet (a fresh broker has no `sample` until the first write). */
export async function ensureTopic(topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(topic)) {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}

/** The high watermark of each partition of a topic, keyed by partition. */
export async function partitionEndOffsets(topic: string): Promise<Map<number, bigint>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads every record a topic receives from the moment it is opened (one consumer group join per test file),
 * so each test can wait for its own record by content instead of joining a group of its own.
 */
export class TopicTap {
  private readonly records: ReadRecord[] = [];
  private failure: Error | undefined;

  private constructor(
    readonly topic: string,
    private readonly consumer: Consumer,
    private readonly start: Map<number, bigint>,
  ) {}

  /**
   * Opens a tap on `topic`: records at or past the current end offsets are collected. Resolves once the consumer
   * has joined, fetched and sent a heartbeat: kafkajs loads each protocol request on first use, and Jest 30 rejects
   * a `require` between tests, so everything it needs must be loaded while the calling hook still runs.
   */
  static async open(topic: string, readyTimeoutMs = 30_000): Promise<TopicTap> {
    await ensureTopic(topic);
    const start = await partitionEndOffsets(topic);
    // A short heartbeat interval makes the first heartbeat come right after the first fetch.
    const consumer = testKafka().consumer({
      groupId: `e2e-${randomUUID()}`,
      maxWaitTimeInMs: 100,
      heartbeatInterval: 100,
    });
    const tap = new TopicTap(topic, consumer, start);
    const crashed = new Promise<never>((_, reject) =>
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart) return;
        tap.failure = payload.error;
        reject(payload.error);
      }),
    );
    crashed.catch(() => undefined);
    const fetched = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH, () => resolve()));
    const heartbeat = new Promise<void>((resolve) => consumer.on(consumer.events.HEARTBEAT, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    void consumer
      .run({
        // The group is this tap's alone and the start offsets are known, so nothing needs committing.
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          // Older records (from earlier runs) are skipped: only what arrived after open() counts.
          if (BigInt(message.offset) < (start.get(partition) ?? 0n)) return;
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
          tap.records.push({ partition, offset: message.offset, key: message.key, value: message.value, headers });
        },
      })
      .catch((error: Error) => {
        tap.failure = error;
      });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the tap on ${topic} was not consuming within ${readyTimeoutMs}ms`)),
        readyTimeoutMs,
      );
    });
    try {
      await Promise.race([Promise.all([fetched, heartbeat]), crashed, timedOut]);
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return tap;
  }

  /** Waits for the first record collected since open() that matches, or fails after `timeoutMs`. */
  async waitFor(predicate: (record: ReadRecord) => boolean, what: string, timeoutMs = 30_000): Promise<ReadRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      const found = this.records.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no record ${what} arrived on ${this.topic} within ${timeoutMs}ms (${this.records.length} others did)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for the record whose value is exactly `value` (as UTF-8 text). */
  waitForValue(value: string, timeoutMs?: number): Promise<ReadRecord> {
    return this.waitFor(
      (r) => r.value !== null && r.value.toString('utf8') === value,
      `with value ${value}`,
      timeoutMs,
    );
  }

  /** Waits for the record carrying header `name` = `value`. */
  waitForHeader(name: string, value: string, timeoutMs?: number): Promise<ReadRecord> {
    return this.waitFor((r) => r.headers[name] === value, `with header ${name}=${value}`, timeoutMs);
  }

  /** Stops the consumer. */
  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}
