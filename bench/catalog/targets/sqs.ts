/** aws.sqs `create` on moto versus the SDK's SendMessage of the same body. */
import { CreateQueueCommand, DeleteQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { awsComponent, motoConfig } from './aws-common';
import { payload, payloadBytes, type TargetFactory } from './target';

/** The aws.sqs target: one queue for the run, deleted afterwards. */
export function sqsTarget(services: Services): TargetFactory {
  return async () => {
    const queueName = `${RUN_ID}-sqs`;
    const client = new SQSClient(motoConfig(services));
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: queueName }));
    const queueUrl = QueueUrl!;
    return {
      label: 'aws.sqs',
      operation: 'create (SendMessage)',
      baseline: 'SDK SendMessage',
      component: awsComponent(services, 'bench-sqs', 'bindings.aws.sqs', { queueName }),
      request: (i) => ({ operation: 'create', data: payload(i) }),
      raw: async (i) => {
        await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: payloadBytes(i).toString() }));
      },
      cleanup: async () => {
        await client.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
        client.destroy();
      },
    };
  };
}
