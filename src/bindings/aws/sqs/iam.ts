import type { BundledComponent } from '../../../components/types';
import { metadataItem, regionOf, subLiteral, type IamStatement } from '../../../deploy/iam-resources';

/**
 * `bindings.aws.sqs`: `sqs:GetQueueUrl` and `sqs:SendMessage` on the component's queue, in its
 * region and the function's account; a queue name only known at run time (envRef, secretKeyRef) is `*`.
 */
export function sqsIamRule(component: BundledComponent): IamStatement[] {
  const region = regionOf(component);
  const item = metadataItem(component.metadata, 'queueName');
  const known = item !== undefined && item.envRef === undefined && item.secretKeyRef === undefined;
  const queue = known && item.value ? subLiteral(item.value) : '*';
  return [
    {
      Effect: 'Allow',
      Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
      Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:sqs:${region}:\${AWS::AccountId}:${queue}` }],
    },
  ];
}
