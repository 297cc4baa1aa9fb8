import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as amqp from 'amqplib';
import Redis from 'ioredis';
import * as mqtt from 'mqtt';
import * as mysql from 'mysql2/promise';
import { Client as PgClient } from 'pg';
import { TargetServer } from '../../support/http-target';
import { createTopic, uniqueTopic } from '../../support/kafka';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { AwsConformanceBackends } from './aws-backends';

/** A service address from `.services.env` (or the environment); a missing one fails the suite. */
export function serviceEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`npm run services:up\` first`);
  return value;
}

/** The messages an MQTT subscriber received, by topic. */
class MqttInbox {
  readonly messages: Array<{ topic: string; payload: Buffer; retain: boolean }> = [];
  constructor(readonly client: mqtt.MqttClient) {
    client.on('message', (topic, payload, packet) => this.messages.push({ topic, payload, retain: packet.retain }));
  }
}

/**
 * The real servers the conformance suite writes to, and a plain client for each to read back what
 * the binding wrote. Every name (topic, queue, table, folder) is unique to the run.
 */
export class ConformanceBackends {
  readonly runId = randomUUID().slice(0, 8);
  readonly kafkaTopic = uniqueTopic('conformance');
  readonly rabbitQueue = `conformance-${this.runId}`;
  readonly mqttTopic = `conformance/${this.runId}`;
  readonly sqlTable = `conformance_${this.runId}`;
  readonly storageRoot = mkdtempSync(join(tmpdir(), 'dapr-conformance-storage-'));
  readonly http = new TargetServer();
  readonly aws = new AwsConformanceBackends(this.runId);
  redis!: Redis;
  postgres!: PgClient;
  mysql!: mysql.Connection;
  rabbit!: { model: amqp.ChannelModel; channel: amqp.Channel };
  mqtt!: MqttInbox;
  smtp!: SmtpRecorder;

  /** Starts the local HTTP target and SMTP server, and connects a reader to every shared service. */
  async start(): Promise<void> {
    await this.http.start();
    this.smtp = await SmtpRecorder.start();
    await createTopic(this.kafkaTopic, 1);
    const [host, port] = serviceEnv('REDIS_HOST').split(':');
    this.redis = new Redis({ host, port: Number(port), lazyConnect: true, maxRetriesPerRequest: 1 });
    await this.redis.connect();
    this.postgres = new PgClient({ connectionString: serviceEnv('POSTGRES_URL') });
    await this.postgres.connect();
    this.mysql = await mysql.createConnection(serviceEnv('MYSQL_URL'));
    const model = await amqp.connect(serviceEnv('RABBITMQ_URL'));
    const channel = await model.createChannel();
    this.rabbit = { model, channel };
    const client = await mqtt.connectAsync(serviceEnv('MQTT_URL').replace(/^tcp:/, 'mqtt:'), {
      clientId: `conformance-reader-${this.runId}`,
      reconnectPeriod: 0,
    });
    this.mqtt = new MqttInbox(client);
    await client.subscribeAsync(`${this.mqttTopic}/#`, { qos: 1 });
    await this.aws.start();
  }

  /** Drops what the run created and disconnects every reader, even when one of them fails. */
  async stop(): Promise<void> {
    const steps: Array<() => Promise<unknown>> = [
      async () => this.http.stop(),
      async () => this.smtp?.close(),
      async () => this.postgres?.query(`DROP TABLE IF EXISTS ${this.sqlTable}`),
      async () => this.postgres?.end(),
      async () => this.mysql?.query(`DROP TABLE IF EXISTS ${this.sqlTable}`),
      async () => this.mysql?.end(),
      async () => this.rabbit?.channel.deleteQueue(this.rabbitQueue),
      async () => this.rabbit?.model.close(),
      async () => this.mqtt?.client.endAsync(),
      async () => this.redis?.disconnect(),
      async () => this.aws.stop(),
      async () => rmSync(this.storageRoot, { recursive: true, force: true }),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'stopping the conformance backends failed');
  }

  /** The next message on the run's queue, or false when it is empty. */
  nextRabbitMessage(): Promise<amqp.GetMessage | false> {
    return this.rabbit.channel.get(this.rabbitQueue, { noAck: true });
  }

  /** Waits until the MQTT subscriber has received a message on `topic`. */
  async mqttMessageOn(topic: string, timeoutMs = 10_000): Promise<{ payload: Buffer; retain: boolean }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mqtt.messages.find((message) => message.topic === topic);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no MQTT message on ${topic} within ${timeoutMs}ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
