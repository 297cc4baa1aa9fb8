/**
 * The baseline: plain kafkajs, configured as src/bindings/kafka/driver.ts configures its producer for
 * bench/components/bench.yaml (idempotent, one request in flight, acks -1, same retries and timeouts,
 * no compression), minus everything the handler adds. Built into its own minified bundle for the
 * cold-start baseline, and bundled into the warm worker.
 */
import { CompressionTypes, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

export function rawProducer(brokers: string): Producer {
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: brokers.split(',').map((broker) => broker.trim()),
    ssl: false,
    connectionTimeout: 30_000,
    authenticationTimeout: 30_000,
    requestTimeout: 30_000,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    logLevel: logLevel.ERROR,
  });
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
  });
}

/** One record, as the driver sends it: no key, no headers, the payload bytes, acks from all replicas. */
export async function rawSend(producer: Producer, topic: string, value: Buffer): Promise<void> {
  const [ack] = await producer.send({
    topic,
    acks: -1,
    timeout: 30_000,
    compression: CompressionTypes.None,
    messages: [{ key: null, value, headers: {} }],
  });
  if (!ack || ack.errorCode !== 0) throw new Error(`raw send not acknowledged: ${JSON.stringify(ack)}`);
}
