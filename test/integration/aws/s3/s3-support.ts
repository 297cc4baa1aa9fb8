import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { BundledComponent } from '../../../../src/components/types';
import { awsComponent, motoClientConfig, motoEndpoint } from '../../../support/aws';

/** An S3 client for moto (the shared one unless another endpoint is given), path style, test keys. */
export function motoS3(endpoint = motoEndpoint()): S3Client {
  return new S3Client({ ...motoClientConfig(endpoint), forcePathStyle: true });
}

/** Creates a bucket (idempotent on moto for its owner). */
export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** An aws.s3 component for a bucket on moto, path style, with the test keys and region us-east-1. */
export function s3Component(
  name: string,
  bucket: string,
  extra: Record<string, string | undefined> = {},
  endpoint = motoEndpoint(),
): BundledComponent {
  // An `undefined` in `extra` leaves that default out.
  return awsComponent(name, 'bindings.aws.s3', { bucket, forcePathStyle: 'true', ...extra }, endpoint);
}
