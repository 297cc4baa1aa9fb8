import type { BundledComponent } from '../../../components/types';
import { regionOf, type IamStatement } from '../../../deploy/iam-resources';
import { arnNameOf } from '../dynamodb/iam-name';

/** `bindings.aws.kinesis`: `kinesis:PutRecord` on the component's stream, nothing else. */
export function kinesisIamRule(component: BundledComponent): IamStatement[] {
  const stream = arnNameOf(component.metadata, 'streamName');
  return [
    {
      Effect: 'Allow',
      Action: ['kinesis:PutRecord'],
      Resource: [
        { 'Fn::Sub': `arn:\${AWS::Partition}:kinesis:${regionOf(component)}:\${AWS::AccountId}:stream/${stream}` },
      ],
    },
  ];
}
