import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { createTopic, readRecords, uniqueTopic } from '../../support/kafka';
import { kafkaComponent, post, realRuntime } from '../../support/kafka-runtime';

jest.setTimeout(120_000);

describe('Kafka binding ordering', () => {
  const topic = uniqueTopic('ordering');
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    await createTopic(topic, 3);
    runtime = realRuntime([kafkaComponent('ordered', topic)]);
  });

  afterAll(() => runtime.close());

  it('delivers 1000 keyed sends exactly once each and in order', async () => {
    const count = 1000;
    for (let i = 0; i < count; i += 1) {
      const response = await post(runtime, 'ordered', {
        operation: 'create',
        data: `Hello, Messages ${String(i).padStart(3, '0')}`,
        metadata: { partitionKey: 'test' },
      });
      expect(response.status).toBe(204);
    }
    const records = await readRecords(topic, count, 60_000);
    expect(records).toHaveLength(count);
    expect(new Set(records.map((r) => r.partition))).toEqual(new Set([2]));
    expect(records.map((r) => JSON.parse(r.value!.toString()))).toEqual(
      Array.from({ length: count }, (_, i) => `Hello, Messages ${String(i).padStart(3, '0')}`),
    );
  });
});
