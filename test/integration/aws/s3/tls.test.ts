import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { motoEndpoint, uniqueName } from '../../../support/aws';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { motoServerPath } from '../../../support/private-moto';
import { eventually, freePort, stopChild } from '../../../support/processes';
import { createBucket, motoS3, s3Component } from './s3-support';

jest.setTimeout(60_000);

/** Whether an https server answers at all, whatever its certificate. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(url, { rejectUnauthorized: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
    probe.end();
  });
}

// A moto of this suite's own serving https with a self-signed certificate.
describe('aws.s3 binding: disableSSL and insecureSSL', () => {
  let moto: ChildProcess | undefined;
  let httpsEndpoint: string;
  let runtime: BindingsRuntime;
  const bucket = uniqueName('dapr-s3-tls');

  beforeAll(async () => {
    const port = await freePort();
    httpsEndpoint = `https://127.0.0.1:${port}`;
    moto = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', String(port), '-s'], { stdio: 'ignore' });
    if (!(await eventually(() => answers(`${httpsEndpoint}/moto-api/`), 30_000))) {
      throw new Error(`moto_server --ssl on ${httpsEndpoint} did not start`);
    }
    const plain = motoS3();
    try {
      await createBucket(plain, bucket);
    } finally {
      plain.destroy();
    }
    runtime = realRuntime([
      s3Component('insecure', bucket, { insecureSSL: 'true' }, httpsEndpoint),
      s3Component('verified', bucket, {}, httpsEndpoint),
      s3Component('plain', bucket, { disableSSL: 'true' }, motoEndpoint().replace(/^http:\/\//, '')),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    await stopChild(moto);
  });

  it('accepts a self-signed certificate only with insecureSSL', async () => {
    const trusting = new S3Client({
      endpoint: httpsEndpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) },
    });
    try {
      await createBucket(trusting, bucket);
    } finally {
      trusting.destroy();
    }
    const refused = await post(runtime, 'verified', { operation: 'list' }, 10_000);
    expect(refused.status).toBe(500);
    expect(errorOf(refused).message).toMatch(
      /^error invoking output binding verified: s3 binding error: list operation failed: operation error S3: ListObjects, .*self[- ]signed certificate/,
    );
    const created = await post(
      runtime,
      'insecure',
      { operation: 'create', data: 'tls', metadata: { key: 't' } },
      10_000,
    );
    expect(created.status).toBe(200);
    const got = await post(runtime, 'insecure', { operation: 'get', metadata: { key: 't' } }, 10_000);
    expect(got.body.toString()).toBe('tls');
  });

  it('reaches an endpoint without a scheme over http:// with disableSSL', async () => {
    const response = await post(runtime, 'plain', { operation: 'create', data: 'x', metadata: { key: 'plain' } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({
      location: `${motoEndpoint()}/${bucket}/plain`,
      versionID: null,
    });
  });
});
