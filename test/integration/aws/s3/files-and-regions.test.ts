import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { uniqueName } from '../../../support/aws';
import { createBucket, motoS3, s3Component } from './s3-support';

jest.setTimeout(60_000);

describe('aws.s3 binding: local files and regions', () => {
  const bucket = uniqueName('dapr-s3-files');
  let s3: S3Client;
  let runtime: BindingsRuntime;
  let dir: string;

  beforeAll(async () => {
    s3 = motoS3();
    await createBucket(s3, bucket);
    dir = mkdtempSync(path.join(os.tmpdir(), 'dapr-s3-'));
    runtime = realRuntime([
      s3Component('files', bucket),
      s3Component('elsewhere', bucket, { region: 'eu-west-1' }),
      s3Component('legacy-region', bucket, { region: undefined, awsRegion: 'ap-southeast-2' }),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    s3?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads from filePath and downloads to item filePaths under the temporary folder', async () => {
    const source = path.join(dir, 'source.bin');
    await fs.writeFile(source, Buffer.from([1, 2, 3, 250]));
    const created = await post(runtime, 'files', {
      operation: 'create',
      data: 'ignored',
      metadata: { key: 'f', filePath: source },
    });
    expect(created.status).toBe(200);
    const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'f' }));
    expect(Buffer.from(await output.Body!.transformToByteArray())).toEqual(Buffer.from([1, 2, 3, 250]));

    const target = path.join(dir, 'target.b64');
    const got = await post(runtime, 'files', {
      operation: 'bulkGet',
      data: { items: [{ key: 'f', filePath: target }] },
      metadata: { encodeBase64: 'true' },
    });
    expect(got.body.toString()).toBe('[{"key":"f"}]');
    expect(await fs.readFile(target, 'utf8')).toBe(Buffer.from([1, 2, 3, 250]).toString('base64'));
  });

  it("refuses a filePath outside the temporary folder, and gives Go's text for a missing file", async () => {
    const outside = await post(runtime, 'files', {
      operation: 'create',
      metadata: { key: 'g', filePath: '/etc/hostname' },
    });
    expect(errorOf(outside).message).toBe(
      `error invoking output binding files: s3 binding error: file read error: filePath /etc/hostname is outside ${await fs.realpath(os.tmpdir())}, the only folder a function may use`,
    );
    const missing = path.join(dir, 'none');
    const absent = await post(runtime, 'files', { operation: 'create', metadata: { key: 'g', filePath: missing } });
    expect(errorOf(absent).message).toBe(
      `error invoking output binding files: s3 binding error: file read error: open ${missing}: no such file or directory`,
    );
  });

  // moto serves a bucket whatever region a request is signed for (S3 would answer 301 PermanentRedirect).
  it('signs for the configured region (or its awsRegion alias), which moto does not check', async () => {
    for (const [name, region] of [
      ['elsewhere', 'eu-west-1'],
      ['legacy-region', 'ap-southeast-2'],
    ] as const) {
      const created = await post(runtime, name, { operation: 'create', data: name, metadata: { key: `r/${name}` } });
      expect(created.status).toBe(200);
      const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `r/${name}` }));
      expect(await output.Body!.transformToString()).toBe(name);
      const signed = await post(runtime, name, {
        operation: 'presign',
        metadata: { key: `r/${name}`, presignTTL: '1m' },
      });
      const url = new URL((JSON.parse(signed.body.toString()) as { presignURL: string }).presignURL);
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^test/\\d{8}/${region}/s3/aws4_request$`));
    }
  });
});
