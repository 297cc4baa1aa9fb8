import { sqsIamRule } from '../../../../../src/bindings/aws/sqs/iam';
import type { BundledComponent, MetadataItem } from '../../../../../src/components/types';

function component(metadata: MetadataItem[]): BundledComponent {
  return { name: 'q', type: 'bindings.aws.sqs', version: 'v1', initTimeoutMs: 5_000, metadata, source: 'test' };
}

const ACTIONS = ['sqs:GetQueueUrl', 'sqs:SendMessage'];

describe('aws.sqs IAM rule', () => {
  it('allows GetQueueUrl and SendMessage on the queue in its region and the function’s account', () => {
    expect(
      sqsIamRule(
        component([
          { name: 'QUEUENAME', value: 'orders' },
          { name: 'region', value: 'eu-west-1' },
        ]),
      ),
    ).toEqual([
      {
        Effect: 'Allow',
        Action: ACTIONS,
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:eu-west-1:${AWS::AccountId}:orders' }],
      },
    ]);
  });

  it('uses the function’s region when none is given, and * for a region known only at run time', () => {
    expect(sqsIamRule(component([{ name: 'queueName', value: 'orders' }]))[0]!.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders' },
    ]);
    expect(
      sqsIamRule(
        component([
          { name: 'queueName', value: 'orders' },
          { name: 'region', envRef: 'REGION' },
        ]),
      )[0]!.Resource,
    ).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:*:${AWS::AccountId}:orders' }]);
  });

  it('uses * for a queue name from an envRef or a secretKeyRef', () => {
    for (const item of [
      { name: 'queueName', envRef: 'QUEUE' },
      { name: 'queueName', secretKeyRef: { name: 's', key: 'k' } },
    ]) {
      expect(sqsIamRule(component([item, { name: 'region', value: 'us-east-1' }]))[0]!.Resource).toEqual([
        { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:us-east-1:${AWS::AccountId}:*' },
      ]);
    }
  });
});
