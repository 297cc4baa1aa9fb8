import type { BundledComponent } from '../../../components/types';
import { regionOf, type IamStatement } from '../../../deploy/iam-resources';
import { arnNameOf } from './iam-name';

/** `bindings.aws.dynamodb`: `dynamodb:PutItem` on the component's table, nothing else. */
export function dynamodbIamRule(component: BundledComponent): IamStatement[] {
  const table = arnNameOf(component.metadata, 'table');
  return [
    {
      Effect: 'Allow',
      Action: ['dynamodb:PutItem'],
      Resource: [
        { 'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:${regionOf(component)}:\${AWS::AccountId}:table/${table}` },
      ],
    },
  ];
}
