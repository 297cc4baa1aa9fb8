import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { uniqueName } from '../../../support/aws';
import { createStream, kinesisComponent, rawKinesis, readRecords } from './kinesis-support';

jest.setTimeout(60_000);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('aws.kinesis binding against moto', () => {
  let client: KinesisClient;

  beforeAll(() => {
    client = rawKinesis();
  });

  afterAll(() => client?.destroy());

  /** A fresh stream and a runtime whose component `records` writes to it. */
  async function streamWithBinding(extra: Record<string, string> = {}) {
    const stream = uniqueName('records');
    await createStream(client, stream);
    return { stream, runtime: realRuntime([kinesisComponent('records', stream, extra)]) };
  }

  it("puts daprd's data bytes (Go's JSON re-encoding, no unquoting) with the request's partition key; 204", async () => {
    const { stream, runtime } = await streamWithBinding({ mode: 'shared', consumerName: 'ignored' });
    try {
      const sent: Array<[unknown, string]> = [
        ['hello', '"hello"'],
        [{ b: 1, a: '<&>' }, '{"a":"\\u003c\\u0026\\u003e","b":1}'],
        [1e21, '1e+21'],
        [[1, 'x', null], '[1,"x",null]'],
      ];
      for (const [index, [data]] of sent.entries()) {
        const response = await post(runtime, 'records', {
          operation: 'create',
          data,
          metadata: { partitionKey: `key-${index}` },
        });
        expect(response.status).toBe(204);
        expect(response.body.length).toBe(0);
      }
      const records = await readRecords(client, stream);
      expect(records.map((r) => [r.data.toString('utf8'), r.partitionKey])).toEqual(
        sent.map(([, bytes], index) => [bytes, `key-${index}`]),
      );
    } finally {
      await runtime.close();
    }
  });

  it('uses a new UUID as partition key when the request has none (or an empty one), and `null` for no data', async () => {
    const { stream, runtime } = await streamWithBinding();
    try {
      expect((await post(runtime, 'records', { operation: 'create' })).status).toBe(204);
      const empty = { operation: 'create', data: 'x', metadata: { partitionKey: '', PartitionKey: 'other case' } };
      expect((await post(runtime, 'records', empty)).status).toBe(204);
      const [first, second] = await readRecords(client, stream);
      expect(first!.data.toString('utf8')).toBe('null');
      expect(second!.data.toString('utf8')).toBe('"x"');
      expect(first!.partitionKey).toMatch(UUID_V4);
      expect(second!.partitionKey).toMatch(UUID_V4);
      expect(first!.partitionKey).not.toBe(second!.partitionKey);
    } finally {
      await runtime.close();
    }
  });

  it("answers daprd's error for a stream that does not exist, and for the stream seen from another region", async () => {
    const stream = uniqueName('present');
    await createStream(client, stream);
    const missing = uniqueName('missing');
    const runtime = realRuntime([
      kinesisComponent('missing-stream', missing),
      kinesisComponent('other-region', stream, { region: 'eu-west-1' }),
    ]);
    try {
      for (const [name, streamName] of [
        ['missing-stream', missing],
        ['other-region', stream],
      ] as const) {
        const response = await post(runtime, name, { operation: 'create', data: 'x', metadata: { partitionKey: 'k' } });
        expect(response.status).toBe(500);
        expect(errorOf(response).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
        expect(errorOf(response).message).toMatch(
          new RegExp(
            `^error invoking output binding ${name}: operation error Kinesis: PutRecord, https response error StatusCode: 400, RequestID: \\S+, ResourceNotFoundException: Stream ${streamName} under account \\d+ not found\\.$`,
          ),
        );
      }
      expect(await readRecords(client, stream)).toEqual([]);
    } finally {
      await runtime.close();
    }
  });
});
