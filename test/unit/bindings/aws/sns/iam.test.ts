import { snsIamRule } from '../../../../../src/bindings/aws/sns/iam';
import type { BundledComponent, MetadataItem } from '../../../../../src/components/types';

function component(metadata: MetadataItem[]): BundledComponent {
  return { name: 't', type: 'bindings.aws.sns', version: 'v1', initTimeoutMs: 5_000, metadata, source: 'test' };
}

describe('aws.sns IAM rule', () => {
  it('allows Publish on the topic ARN as written', () => {
    const arn = 'arn:aws:sns:eu-west-1:123456789012:orders';
    expect(snsIamRule(component([{ name: 'TopicArn', value: arn }]))).toEqual([
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: [arn] },
    ]);
  });

  it('allows Publish on * for a topic known only at run time', () => {
    for (const item of [
      { name: 'topicArn', envRef: 'TOPIC' },
      { name: 'topicArn', secretKeyRef: { name: 's', key: 'k' } },
    ]) {
      expect(snsIamRule(component([item]))[0]!.Resource).toEqual(['*']);
    }
  });
});
