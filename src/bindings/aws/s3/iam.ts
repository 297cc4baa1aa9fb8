/** Least-privilege IAM for one aws.s3 component: object actions on `<bucket>/*`, ListBucket on the bucket. */
import type { BundledComponent } from '../../../components/types';
import { metadataItem, subLiteral, type IamStatement } from '../../../deploy/iam-resources';

/** The bucket as an ARN part: the literal name, or `*` when it is only known at run time (envRef, secretKeyRef). */
function bucketOf(component: BundledComponent): string {
  const item = metadataItem(component.metadata, 'bucket');
  if (!item || item.envRef !== undefined || item.secretKeyRef !== undefined) return '*';
  const value = item.value?.trim() ?? '';
  return value === '' ? '*' : subLiteral(value);
}

/** `bindings.aws.s3`: PutObject (+Tagging for `tags`), GetObject, DeleteObject (also bulkDelete), ListBucket (list). */
export function s3IamRule(component: BundledComponent): IamStatement[] {
  const bucket = bucketOf(component);
  return [
    {
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject', 's3:DeleteObject'],
      Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::${bucket}/*` }],
    },
    {
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::${bucket}` }],
    },
  ];
}
