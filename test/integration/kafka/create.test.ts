import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { createTopic, readRecords, topicEndOffset, uniqueTopic } from '../../support/kafka';
import { errorOf, kafkaComponent, post, realRuntime } from '../../support/kafka-runtime';

jest.setTimeout(60_000);

describe('Kafka binding create against a real broker', () => {
  const topic = uniqueTopic('create');
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    await createTopic(topic, 7);
    runtime = realRuntime([
      kafkaComponent('orders', topic),
      kafkaComponent('no-secrets', topic, { excludeHeaderMetaRegex: '^x-secret' }),
      kafkaComponent('small', topic, { maxMessageBytes: '64' }),
      kafkaComponent('java-keys', topic, { partitioner: 'murmur2' }),
    ]);
  });

  afterAll(() => runtime.close());

  it('writes the re-encoded bytes, key and headers, answering 204 with the acknowledged partition and offset', async () => {
    const response = await post(runtime, 'orders', {
      operation: 'create',
      data: { orderId: '100', note: '<&>' },
      metadata: { partitionKey: 'order-100', custom: 'é' },
    });
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    const [record] = await readRecords(topic, 1);
    expect(record!.value!.toString()).toBe('{"note":"\\u003c\\u0026\\u003e","orderId":"100"}');
    expect(record!.key!.toString()).toBe('order-100');
    expect(record!.headers).toEqual({ partitionKey: 'order-100', custom: 'é' });
    // sarama's FNV-1a placement of "order-100" over 7 partitions is 0.
    expect(record!.partition).toBe(0);
    expect(response.headers).toEqual({
      'metadata.partition': String(record!.partition),
      'metadata.offset': record!.offset,
    });
  });

  it('places keyed records where daprd (sarama FNV-1a) places them', async () => {
    const expected: Record<string, number> = {
      test: 6,
      a: 6,
      '': 2,
      héllo: 4,
      'user:42': 1,
      'partition-key-that-is-long': 0,
    };
    for (const key of Object.keys(expected)) {
      const response = await post(runtime, 'orders', { operation: 'create', data: key, metadata: { __key: key } });
      expect(response.headers['metadata.partition']).toBe(String(expected[key]));
    }
  });

  it('can place keys as the Java client does instead', async () => {
    const fnv = await post(runtime, 'orders', { operation: 'create', data: 1, metadata: { partitionKey: 'a' } });
    const murmur = await post(runtime, 'java-keys', { operation: 'create', data: 1, metadata: { partitionKey: 'a' } });
    expect(fnv.headers['metadata.partition']).toBe('6');
    expect(murmur.headers['metadata.partition']).not.toBe('6');
  });

  it('honours partitionNumber and refuses one outside the topic without writing', async () => {
    const ok = await post(runtime, 'orders', { operation: 'create', data: 'p3', metadata: { partitionNumber: '3' } });
    expect(ok.headers['metadata.partition']).toBe('3');
    const before = await topicEndOffset(topic);
    const bad = await post(runtime, 'orders', { operation: 'create', data: 'p9', metadata: { partitionNumber: '9' } });
    expect(bad.status).toBe(500);
    expect(errorOf(bad)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: 'error invoking output binding orders: partition number 9 is out of range, topic has 7 partitions',
    });
    expect(await topicEndOffset(topic)).toBe(before);
    // The producer survives a request-level error.
    expect((await post(runtime, 'orders', { operation: 'create', data: 'after' })).status).toBe(204);
  });

  it('writes a tombstone when data is absent or null', async () => {
    const tombstoneTopic = uniqueTopic('tombstone');
    const tombstones = realRuntime([kafkaComponent('t', tombstoneTopic)]);
    try {
      expect((await post(tombstones, 't', { operation: 'create', metadata: { partitionKey: 'gone' } })).status).toBe(
        204,
      );
      expect((await post(tombstones, 't', { operation: 'create', data: null })).status).toBe(204);
      const records = await readRecords(tombstoneTopic, 2);
      expect(records.map((r) => r.value)).toEqual([null, null]);
    } finally {
      await tombstones.close();
    }
  });

  it('leaves out headers matching excludeHeaderMetaRegex', async () => {
    const own = uniqueTopic('headers');
    const runtimeWithRegex = realRuntime([kafkaComponent('h', own, { excludeHeaderMetaRegex: '^x-secret' })]);
    try {
      await post(runtimeWithRegex, 'h', {
        operation: 'create',
        data: 1,
        metadata: { 'x-secret-token': 's', visible: 'v' },
      });
      const [record] = await readRecords(own, 1);
      expect(record!.headers).toEqual({ visible: 'v' });
    } finally {
      await runtimeWithRegex.close();
    }
  });

  it('refuses a record over maxMessageBytes before sending it', async () => {
    const before = await topicEndOffset(topic);
    const response = await post(runtime, 'small', { operation: 'create', data: 'x'.repeat(100) });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      'error invoking output binding small: record of 102 bytes exceeds maxMessageBytes 64',
    );
    expect(await topicEndOffset(topic)).toBe(before);
  });
});
