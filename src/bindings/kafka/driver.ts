import { Kafka, type IHeaders, type Message, type Producer } from 'kafkajs';
import { InvalidRequestMetadataError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse } from '../driver';
import { ACKS, COMPRESSION, kafkaClientConfig, retryOptions } from './client-config';
import { createDaprPartitioner, PartitionOutOfRangeError } from './partitioner';
import type { KafkaConfig } from './spec';

/** Reads `partitionNumber` with daprd's messages (components-contrib common/component/kafka/producer.go). */
function partitionNumber(name: string, metadata: Record<string, string>): number | undefined {
  const raw = metadata.partitionNumber;
  if (raw === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(raw.trim()) || Math.abs(Number(raw)) > 2 ** 31 - 1) {
    throw new InvalidRequestMetadataError(name, `invalid partitionNumber metadata value "${raw}"`);
  }
  const value = Number(raw);
  if (value < 0) throw new InvalidRequestMetadataError(name, `partitionNumber must be non-negative, got ${value}`);
  return value;
}

/** Builds the record daprd would send: key, explicit partition, value (null is a tombstone) and headers. */
export function buildRecord(request: InvokeRequest, exclude: RegExp | undefined): Message {
  const { metadata, name } = request;
  const valueSchemaType = metadata.valueSchemaType;
  if (valueSchemaType !== undefined && valueSchemaType.toLowerCase() !== 'none') {
    throw new InvalidRequestMetadataError(name, `valueSchemaType "${valueSchemaType}" is not supported (only None)`);
  }
  const headers: IHeaders = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (!exclude?.test(key)) headers[key] = value;
  }
  const isTombstone = request.data.length === 0 || request.data.toString('latin1') === 'null';
  return {
    key: metadata.partitionKey ?? metadata.__key ?? null,
    partition: partitionNumber(name, metadata),
    value: isTombstone ? null : request.data,
    headers,
  };
}

function recordSize(record: Message): number {
  let size = (record.value as Buffer | null)?.length ?? 0;
  size += record.key ? Buffer.byteLength(record.key) : 0;
  for (const [key, value] of Object.entries(record.headers ?? {})) {
    size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  return size;
}

function outOfRange(error: unknown): PartitionOutOfRangeError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (/^partition number \d+ is out of range/.test(e.message)) return e as PartitionOutOfRangeError;
  }
  return undefined;
}

async function send(
  producer: Producer,
  config: KafkaConfig,
  exclude: RegExp | undefined,
  request: InvokeRequest,
): Promise<InvokeResponse> {
  const record = buildRecord(request, exclude);
  const size = recordSize(record);
  if (size > config.maxMessageBytes) {
    throw new InvalidRequestMetadataError(
      request.name,
      `record of ${size} bytes exceeds maxMessageBytes ${config.maxMessageBytes}`,
    );
  }
  try {
    const [ack] = await producer.send({
      topic: config.publishTopic,
      acks: ACKS[config.producerRequiredAcks],
      timeout: config.writeTimeout,
      compression: COMPRESSION[config.compression],
      messages: [record],
    });
    // With acks=none the broker sends no offsets back.
    if (!ack || ack.baseOffset === undefined || ack.baseOffset === '-1') return {};
    return { metadata: { partition: String(ack.partition), offset: ack.baseOffset } };
  } catch (error) {
    const rangeError = outOfRange(error);
    if (rangeError) throw new InvalidRequestMetadataError(request.name, rangeError.message);
    throw error;
  }
}

/** Connects an idempotent kafkajs producer for one component and exposes `create`. */
export async function createKafkaDriver(config: KafkaConfig, context: DriverContext): Promise<Driver<'create'>> {
  const kafka = new Kafka(kafkaClientConfig(config, context.logger));
  // kafkajs needs acks=all and at least one retry for idempotence; daprd has none, this adds it where it can.
  const idempotent = config.producerRequiredAcks === 'all' && config.producerRetryMax > 0;
  const producer = kafka.producer({
    idempotent,
    maxInFlightRequests: idempotent ? 1 : undefined,
    allowAutoTopicCreation: true,
    createPartitioner: createDaprPartitioner(config.partitioner),
    // Without its own retry options an idempotent kafkajs producer retries without end.
    retry: retryOptions(config),
  });
  await producer.connect();
  const exclude = config.excludeHeaderMetaRegex ? new RegExp(config.excludeHeaderMetaRegex) : undefined;
  return {
    operations: { create: (request) => send(producer, config, exclude, request) },
    close: () => producer.disconnect(),
  };
}
