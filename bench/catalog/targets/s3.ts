/** aws.s3 `create` on moto versus the SDK's PutObject of the same bytes. */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { awsComponent, motoConfig } from './aws-common';
import { payload, payloadBytes, type TargetFactory } from './target';

/** Deletes every object of a bucket, then the bucket. */
async function emptyAndDelete(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
    const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length === 0) break;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

/** The aws.s3 target: one bucket for the run (path style), keys `h-<i>` and `r-<i>`; emptied and deleted afterwards. */
export function s3Target(services: Services): TargetFactory {
  return async () => {
    const bucket = `${RUN_ID}-s3`;
    const client = new S3Client({ ...motoConfig(services), forcePathStyle: true });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return {
      label: 'aws.s3',
      operation: 'create (PutObject, key given)',
      baseline: 'SDK PutObject',
      component: awsComponent(services, 'bench-s3', 'bindings.aws.s3', { bucket, forcePathStyle: 'true' }),
      request: (i) => ({ operation: 'create', data: payload(i), metadata: { key: `h-${i}` } }),
      raw: async (i) => {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: `r-${i}`, Body: payloadBytes(i) }));
      },
      cleanup: async () => {
        await emptyAndDelete(client, bucket);
        client.destroy();
      },
    };
  };
}
