import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { uniqueName } from '../../../support/aws';
import { createBucket, motoS3, s3Component } from './s3-support';

jest.setTimeout(90_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.s3 binding across an S3 outage', () => {
  let moto: PrivateMoto;
  let runtime: BindingsRuntime;
  const bucket = uniqueName('dapr-s3-outage');

  beforeAll(async () => {
    moto = await PrivateMoto.start();
    runtime = realRuntime([s3Component('outage', bucket, {}, moto.endpoint)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await moto?.stop();
  });

  async function readBack(key: string): Promise<string> {
    const s3 = motoS3(moto.endpoint);
    try {
      const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await output.Body!.transformToString();
    } finally {
      s3.destroy();
    }
  }

  async function recreateBucket(): Promise<void> {
    const s3 = motoS3(moto.endpoint);
    try {
      await createBucket(s3, bucket);
    } finally {
      s3.destroy();
    }
  }

  it('answers a Dapr error within the deadline while S3 is down, then stores once it is back with the bucket re-created', async () => {
    await recreateBucket();
    const before = await post(runtime, 'outage', { operation: 'create', data: 'before', metadata: { key: 'k' } });
    expect(before.status).toBe(200);
    expect(await readBack('k')).toBe('before');

    await moto.stop();
    const started = Date.now();
    const down = await post(runtime, 'outage', { operation: 'create', data: 'during', metadata: { key: 'k' } }, 8_000);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    const port = moto.endpoint.split(':').pop()!;
    expect(errorOf(down).message).toBe(
      'error invoking output binding outage: s3 binding error: uploading failed: operation error S3: PutObject, ' +
        'exceeded maximum number of attempts, 2, https response error StatusCode: 0, RequestID: , HostID: , ' +
        `request send failed, Put "http://127.0.0.1:${port}/${bucket}/k?x-id=PutObject": ` +
        `dial tcp 127.0.0.1:${port}: connect: connection refused`,
    );

    await moto.start();
    await recreateBucket();
    const up = await post(runtime, 'outage', { operation: 'create', data: 'after', metadata: { key: 'k' } }, 10_000);
    expect(up.status).toBe(200);
    expect(await readBack('k')).toBe('after');
    const got = await post(runtime, 'outage', { operation: 'get', metadata: { key: 'k' } }, 10_000);
    expect(got.body.toString()).toBe('after');
  });

  it('reports a failed item, not a failed call, when S3 is down during a bulk operation', async () => {
    await moto.stop();
    try {
      const response = await post(runtime, 'outage', { operation: 'bulkGet', data: { items: [{ key: 'k' }] } }, 8_000);
      expect(response.status).toBe(200);
      const [item] = JSON.parse(response.body.toString()) as Array<{ key: string; error: string }>;
      expect(item!.key).toBe('k');
      expect(item!.error).toMatch(
        /^operation error S3: GetObject, .*request send failed, Get "http:\/\/127\.0\.0\.1:\d+\/.*\/k\?x-id=GetObject": dial tcp .*connection refused$/,
      );
    } finally {
      await moto.start();
    }
  });
});
