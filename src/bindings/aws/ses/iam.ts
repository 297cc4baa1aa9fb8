import type { BundledComponent } from '../../../components/types';
import { metadataItem, regionOf, type IamStatement } from '../../../deploy/iam-resources';

/**
 * `bindings.aws.ses`: `ses:SendEmail` on the SES identities of the component's region. When the
 * component's `emailFrom` is a literal, the role may send only from that address (a
 * `ses:FromAddress` condition), so a request that overrides `emailFrom` with another address is
 * refused by IAM. Without a literal `emailFrom` (absent, envRef or secretKeyRef) the sender is only
 * known per call, and the role may send from any verified identity of the region.
 */
export function sesIamRule(component: BundledComponent): IamStatement[] {
  const region = regionOf(component);
  const from = metadataItem(component.metadata, 'emailFrom');
  const literalFrom = from?.envRef === undefined && from?.secretKeyRef === undefined ? from?.value?.trim() : undefined;
  return [
    {
      Effect: 'Allow',
      Action: ['ses:SendEmail'],
      Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:ses:${region}:\${AWS::AccountId}:identity/*` }],
      ...(literalFrom ? { Condition: { StringEquals: { 'ses:FromAddress': literalFrom } } } : {}),
    },
  ];
}
