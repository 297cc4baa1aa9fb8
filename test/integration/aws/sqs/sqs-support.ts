import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { BundledComponent } from '../../../../src/components/types';
import { awsComponent } from '../../../support/aws';

/** An aws.sqs component for a queue on moto. */
export function sqsComponent(
  name: string,
  queueName: string,
  extra: Record<string, string> = {},
  endpoint?: string,
): BundledComponent {
  return awsComponent(name, 'bindings.aws.sqs', { queueName, ...extra }, endpoint);
}

/** Creates a queue and answers its URL. */
export async function createQueue(
  client: SQSClient,
  name: string,
  attributes?: Record<string, string>,
): Promise<string> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl!;
}

/** Deletes a queue. */
export async function deleteQueue(client: SQSClient, url: string): Promise<void> {
  await client.send(new DeleteQueueCommand({ QueueUrl: url }));
}

/** Every message waiting in the queue (up to 10), with all its attributes. */
export async function receiveAll(client: SQSClient, url: string, waitSeconds = 1): Promise<Message[]> {
  const { Messages } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitSeconds,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return Messages ?? [];
}

/** The number of messages in the queue, visible or not. */
export async function queueDepth(client: SQSClient, url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

export { SQSClient };
