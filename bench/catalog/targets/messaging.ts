/** rabbitmq and mqtt3 `create` versus amqplib / MQTT.js publishing the same bytes with the same guarantee. */
import { connect } from 'amqplib';
import { connectAsync } from 'mqtt';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { component, payload, payloadBytes, type TargetFactory } from './target';

/** The rabbitmq target: one queue for the run (declared as the binding declares it), deleted afterwards. */
export function rabbitmqTarget(services: Services): TargetFactory {
  return async () => {
    const queue = `${RUN_ID}.rabbitmq`;
    const model = await connect(services.RABBITMQ_URL);
    const channel = await model.createConfirmChannel();
    await channel.assertQueue(queue, { durable: false, autoDelete: false, exclusive: false });
    return {
      label: 'rabbitmq',
      operation: 'create (publish, confirmed)',
      baseline: 'amqplib confirm channel publish + waitForConfirms',
      component: component('bench-rabbitmq', 'bindings.rabbitmq', { host: services.RABBITMQ_URL, queueName: queue }),
      request: (i) => ({ operation: 'create', data: payload(i) }),
      raw: async (i) => {
        channel.publish('', queue, payloadBytes(i));
        await channel.waitForConfirms();
      },
      cleanup: async () => {
        await channel.deleteQueue(queue);
        await model.close();
      },
    };
  };
}

/** The mqtt3 target: one topic for the run, QoS 1 (the binding always publishes at QoS 1), nothing retained. */
export function mqttTarget(services: Services): TargetFactory {
  return async () => {
    const topic = `${RUN_ID}/mqtt3`;
    const client = await connectAsync(services.MQTT_URL.replace(/^tcp:/, 'mqtt:'), {
      reconnectPeriod: 0,
      protocolVersion: 4,
      connectTimeout: 5_000,
    });
    return {
      label: 'mqtt3',
      operation: 'create (publish QoS 1)',
      baseline: 'MQTT.js publishAsync QoS 1',
      component: component('bench-mqtt3', 'bindings.mqtt3', {
        url: services.MQTT_URL,
        topic,
        consumerID: `${RUN_ID}-mqtt3`,
      }),
      request: (i) => ({ operation: 'create', data: payload(i) }),
      raw: async (i) => {
        await client.publishAsync(topic, payloadBytes(i), { qos: 1 });
      },
      cleanup: async () => {
        await client.endAsync();
      },
    };
  };
}
