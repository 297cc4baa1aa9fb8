import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
} from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { CreateTopicCommand, DeleteTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { motoClientConfig, motoStoreMetadata } from '../../support/aws';
import { PrivateMoto } from '../../support/private-moto';

/** The component metadata that points an AWS binding at moto (the same as a secret store's). */
export const motoMetadata = motoStoreMetadata;

/**
 * The AWS resources of one conformance run in moto (bucket, queues, topic, table, stream, sender),
 * and an SDK client per service to read back what the bindings wrote.
 */
export class AwsConformanceBackends {
  readonly bucket: string;
  readonly queue: string;
  /** The queue subscribed to the topic, where the SNS notifications land. */
  readonly topicQueue: string;
  readonly topicName: string;
  readonly table: string;
  readonly stream: string;
  readonly sender: string;
  topicArn = '';
  private queueUrls = new Map<string, string>();
  private readonly config = motoClientConfig();
  readonly s3 = new S3Client({ ...this.config, forcePathStyle: true });
  readonly sqs = new SQSClient(this.config);
  readonly sns = new SNSClient(this.config);
  readonly dynamodb = new DynamoDBClient(this.config);
  // The JS Kinesis client speaks HTTP/2 by default, which moto does not.
  readonly kinesis = new KinesisClient({ ...this.config, requestHandler: new NodeHttpHandler() });
  /**
   * SES runs on a moto of its own: its mail is read through /moto-api/data.json, which dumps every
   * service's state and fails once another suite has deleted an S3 bucket that still had objects.
   */
  sesMoto!: PrivateMoto;
  ses!: SESClient;

  constructor(runId: string) {
    this.bucket = `conformance-${runId}`;
    this.queue = `conformance-${runId}`;
    this.topicQueue = `conformance-${runId}-topic`;
    this.topicName = `conformance-${runId}`;
    this.table = `conformance-${runId}`;
    this.stream = `conformance-${runId}`;
    this.sender = `conformance-${runId}@example.com`;
  }

  /** Creates every resource the AWS components use. */
  async start(): Promise<void> {
    await this.s3.send(new CreateBucketCommand({ Bucket: this.bucket }));
    for (const name of [this.queue, this.topicQueue]) {
      const { QueueUrl } = await this.sqs.send(new CreateQueueCommand({ QueueName: name }));
      this.queueUrls.set(name, QueueUrl!);
    }
    this.topicArn = (await this.sns.send(new CreateTopicCommand({ Name: this.topicName }))).TopicArn!;
    const { Attributes } = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: this.queueUrls.get(this.topicQueue), AttributeNames: ['QueueArn'] }),
    );
    await this.sns.send(
      new SubscribeCommand({ TopicArn: this.topicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }),
    );
    await this.dynamodb.send(
      new CreateTableCommand({
        TableName: this.table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await this.kinesis.send(new CreateStreamCommand({ StreamName: this.stream, ShardCount: 1 }));
    this.sesMoto = await PrivateMoto.start();
    this.ses = new SESClient({ ...this.config, endpoint: this.sesMoto.endpoint });
    await this.ses.send(new VerifyEmailIdentityCommand({ EmailAddress: this.sender }));
  }

  /** Deletes what `start` created (the bucket is left: moto forgets it when it stops) and closes the clients. */
  async stop(): Promise<void> {
    const steps: Array<() => Promise<unknown>> = [
      ...[...this.queueUrls.values()].map(
        (QueueUrl) => async () => this.sqs.send(new DeleteQueueCommand({ QueueUrl })),
      ),
      async () => this.topicArn && this.sns.send(new DeleteTopicCommand({ TopicArn: this.topicArn })),
      async () => this.dynamodb.send(new DeleteTableCommand({ TableName: this.table })),
      async () => this.kinesis.send(new DeleteStreamCommand({ StreamName: this.stream })),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => failures.push(error));
    for (const client of [this.s3, this.sqs, this.sns, this.dynamodb, this.kinesis, this.ses]) client?.destroy();
    await this.sesMoto?.stop();
    if (failures.length > 0) throw new AggregateError(failures, 'removing the conformance AWS resources failed');
  }

  /** The object's bytes and content type. */
  async object(key: string): Promise<{ body: string; contentType: string | undefined }> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return { body: await object.Body!.transformToString(), contentType: object.ContentType };
  }

  /** The object's tags, as a map. */
  async tags(key: string): Promise<Record<string, string>> {
    const { TagSet } = await this.s3.send(new GetObjectTaggingCommand({ Bucket: this.bucket, Key: key }));
    return Object.fromEntries((TagSet ?? []).map((tag) => [tag.Key!, tag.Value!]));
  }

  /** The bodies of the messages waiting on a queue (up to 10). */
  async messages(queue: string): Promise<string[]> {
    const { Messages } = await this.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrls.get(queue), MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    return (Messages ?? []).map((message) => message.Body!);
  }

  /** The item stored under `id`, as DynamoDB attribute values. */
  async item(id: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.dynamodb.send(new GetItemCommand({ TableName: this.table, Key: { id: { S: id } } }));
    return Item;
  }

  /** Every record on the stream's only shard, with its partition key. */
  async records(): Promise<Array<{ data: string; partitionKey: string }>> {
    const { StreamDescription } = await this.kinesis.send(new DescribeStreamCommand({ StreamName: this.stream }));
    const { ShardIterator } = await this.kinesis.send(
      new GetShardIteratorCommand({
        StreamName: this.stream,
        ShardId: StreamDescription!.Shards![0]!.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    const { Records } = await this.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    return (Records ?? []).map((r) => ({ data: Buffer.from(r.Data!).toString(), partitionKey: r.PartitionKey! }));
  }

  /** The e-mails moto recorded from the run's sender, through its inspection API. */
  async sentMail(): Promise<Array<{ source: string; subject: string; body: string; destinations: unknown }>> {
    const response = await fetch(`${this.sesMoto.endpoint}/moto-api/data.json`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`moto-api/data.json answered ${response.status}`);
    const data = (await response.json()) as {
      ses?: { Message?: Array<{ source: string; subject: string; body: string; destinations: unknown }> };
    };
    return (data.ses?.Message ?? []).filter((message) => message.source === this.sender);
  }
}
