import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { BundledComponent } from '../../../../src/components/types';
import { motoEndpoint } from '../../../support/aws';

/** A bucket name no other test run uses (lower case, digits and `-`). */
export function uniqueBucket(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** An S3 client for moto (the shared one unless another endpoint is given), path style, test keys. */
export function motoS3(endpoint = motoEndpoint()): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
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
  const all = {
    endpoint,
    region: 'us-east-1',
    accessKey: 'test',
    secretKey: 'test',
    bucket,
    forcePathStyle: 'true',
    ...extra,
  };
  return {
    name,
    type: 'bindings.aws.s3',
    version: 'v1',
    initTimeoutMs: 5_000,
    // An `undefined` in `extra` leaves that default out.
    metadata: Object.entries(all).flatMap(([key, value]) => (value === undefined ? [] : [{ name: key, value }])),
    source: 'test',
  };
}
