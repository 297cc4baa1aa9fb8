import type { BundledComponent } from '../../../components/types';
import { metadataItem, type IamStatement } from '../../../deploy/iam-resources';

/**
 * `bindings.aws.sns`: `sns:Publish` on the component's topic ARN as written; a topic only known at
 * run time (envRef, secretKeyRef) is `*`.
 */
export function snsIamRule(component: BundledComponent): IamStatement[] {
  const item = metadataItem(component.metadata, 'topicArn');
  const known = item !== undefined && item.envRef === undefined && item.secretKeyRef === undefined;
  return [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [known && item.value ? item.value : '*'] }];
}
