import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { BundledComponent } from '../../../../src/components/types';
import { awsComponent, motoClientConfig } from '../../../support/aws';
import { createQueue, receiveAll, SQSClient } from '../sqs/sqs-support';

/** An aws.sns component for a topic on moto. */
export function snsComponent(
  name: string,
  topicArn: string,
  extra: Record<string, string> = {},
  endpoint?: string,
): BundledComponent {
  return awsComponent(name, 'bindings.aws.sns', { topicArn, ...extra }, endpoint);
}

/** A topic with an SQS queue subscribed to it (plain SNS envelopes, not raw delivery), to read what was published. */
export interface WatchedTopic {
  topicArn: string;
  queueUrl: string;
  sqs: SQSClient;
  close(): void;
}

/** Creates (or finds again) the topic and its watching queue on moto. */
export async function watchedTopic(name: string, endpoint?: string): Promise<WatchedTopic> {
  const sns = new SNSClient(motoClientConfig(endpoint));
  const sqs = new SQSClient(motoClientConfig(endpoint));
  try {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
    const queueUrl = await createQueue(sqs, `${name}-watch`);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn! }));
    return { topicArn: TopicArn!, queueUrl, sqs, close: () => sqs.destroy() };
  } finally {
    sns.destroy();
  }
}

/** What the topic delivered to the watching queue: each notification's Message and Subject. */
export async function notifications(
  topic: WatchedTopic,
  expected: number,
): Promise<Array<{ Message: string; Subject?: string; TopicArn: string }>> {
  const found: Array<{ Message: string; Subject?: string; TopicArn: string }> = [];
  for (let round = 0; round < 5 && found.length < expected; round++) {
    for (const message of await receiveAll(topic.sqs, topic.queueUrl)) {
      found.push(JSON.parse(message.Body!) as { Message: string; Subject?: string; TopicArn: string });
    }
  }
  return found;
}
