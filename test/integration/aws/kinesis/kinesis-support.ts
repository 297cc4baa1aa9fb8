import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BundledComponent } from '../../../../src/components/types';
import { awsComponent, motoClientConfig, motoEndpoint } from '../../../support/aws';

/** An aws.kinesis component putting records on `stream` on moto (the shared one unless given). */
export function kinesisComponent(
  name: string,
  stream: string,
  extra: Record<string, string> = {},
  endpoint = motoEndpoint(),
): BundledComponent {
  return awsComponent(name, 'bindings.aws.kinesis', { streamName: stream, ...extra }, endpoint);
}

/** A plain client on moto (HTTP/1.1: moto does not speak HTTP/2), for creating streams and reading records. */
export function rawKinesis(endpoint = motoEndpoint()): KinesisClient {
  return new KinesisClient({ ...motoClientConfig(endpoint), requestHandler: new NodeHttpHandler() });
}

/** Creates a one-shard stream and waits until it is active. */
export async function createStream(client: KinesisClient, stream: string): Promise<void> {
  await client.send(new CreateStreamCommand({ StreamName: stream, ShardCount: 1 }));
  for (let i = 0; i < 50; i++) {
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (summary.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stream ${stream} did not become active`);
}

/** One record as stored: its data bytes and partition key. */
export interface StoredRecord {
  data: Buffer;
  partitionKey: string;
}

/** Every record on the stream, oldest first (GetShardIterator TRIM_HORIZON, then GetRecords). */
export async function readRecords(client: KinesisClient, stream: string): Promise<StoredRecord[]> {
  const shards = await client.send(new ListShardsCommand({ StreamName: stream }));
  const records: StoredRecord[] = [];
  for (const shard of shards.Shards ?? []) {
    const iterator = await client.send(
      new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const answer = await client.send(new GetRecordsCommand({ ShardIterator: iterator.ShardIterator }));
    for (const record of answer.Records ?? []) {
      records.push({ data: Buffer.from(record.Data ?? []), partitionKey: record.PartitionKey ?? '' });
    }
  }
  return records;
}
