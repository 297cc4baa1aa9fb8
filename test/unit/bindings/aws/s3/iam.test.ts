import { s3IamRule } from '../../../../../src/bindings/aws/s3/iam';
import type { BundledComponent } from '../../../../../src/components/types';

function component(metadata: BundledComponent['metadata']): BundledComponent {
  return { name: 'files', type: 'bindings.aws.s3', version: 'v1', initTimeoutMs: 5_000, metadata, source: 'test' };
}

describe('aws.s3 IAM rule', () => {
  it('grants the object actions on <bucket>/* and ListBucket on the bucket', () => {
    expect(s3IamRule(component([{ name: 'Bucket', value: 'my-bucket' }]))).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject', 's3:DeleteObject'],
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::my-bucket/*' }],
      },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::my-bucket' }] },
    ]);
  });

  it('uses * for a bucket known only at run time', () => {
    for (const item of [
      { name: 'bucket', envRef: 'BUCKET' },
      { name: 'bucket', secretKeyRef: { name: 's', key: 'k' } },
    ]) {
      const [objects, bucket] = s3IamRule(component([item]));
      expect(objects!.Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::*/*' }]);
      expect(bucket!.Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::*' }]);
    }
  });
});
