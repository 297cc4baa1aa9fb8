import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { motoEndpoint, uniqueName } from '../../../support/aws';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { createBucket, motoS3, s3Component } from './s3-support';

jest.setTimeout(60_000);

describe('aws.s3 binding against moto', () => {
  const bucket = uniqueName('dapr-s3-ops');
  let s3: S3Client;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    s3 = motoS3();
    await createBucket(s3, bucket);
    runtime = realRuntime([
      s3Component('store', bucket),
      s3Component('store-b64', bucket, { decodeBase64: 'true', encodeBase64: 'true' }),
      s3Component('store-ia', bucket, { storageClass: 'STANDARD_IA', presignTTL: '1m' }),
      s3Component('nobucket', uniqueName('dapr-s3-missing')),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    s3?.destroy();
  });

  async function objectOf(key: string) {
    const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { output, body: Buffer.from(await output.Body!.transformToByteArray()) };
  }

  async function exists(key: string): Promise<boolean> {
    return s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
      () => true,
      () => false,
    );
  }

  it('creates an object with its tags, content type and storage class, unquoting the data', async () => {
    const response = await post(runtime, 'store', {
      operation: 'create',
      data: 'hello <world>',
      metadata: {
        key: 'docs/a b.txt',
        tags: ' team=core , year=2024',
        'Content-Type': ' text/plain ',
        storageClass: 'STANDARD_IA',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers['metadata.key']).toBe('docs/a b.txt');
    expect(response.body.toString()).toBe(`{"location":"${motoEndpoint()}/${bucket}/docs/a%20b.txt","versionID":null}`);
    const { output, body } = await objectOf('docs/a b.txt');
    expect(body.toString()).toBe('hello <world>');
    expect(output.ContentType).toBe('text/plain');
    expect(output.StorageClass).toBe('STANDARD_IA');
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'docs/a b.txt' }));
    expect(tags.TagSet).toEqual([
      { Key: 'team', Value: 'core' },
      { Key: 'year', Value: '2024' },
    ]);
  });

  it('stores JSON objects as their bytes, numbers and bools as Go prints them, null as empty', async () => {
    const cases: Array<[unknown, string]> = [
      [{ b: 1, a: [true] }, '{"a":[true],"b":1}'],
      [1e21, '1000000000000000000000'],
      [1.5, '1.5'],
      [true, 'true'],
      [null, ''],
      ['a"b\\c\n', 'a"b\\c\n'],
    ];
    for (const [index, [data, stored]] of cases.entries()) {
      const key = `json/${index}`;
      expect((await post(runtime, 'store', { operation: 'create', data, metadata: { key } })).status).toBe(200);
      expect((await objectOf(key)).body.toString()).toBe(stored);
    }
  });

  it('names an object with a random UUID when the request has no key', async () => {
    const response = await post(runtime, 'store', { operation: 'create', data: 'x' });
    const key = response.headers['metadata.key']!;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await objectOf(key)).body.toString()).toBe('x');
  });

  it('decodes base64 on create and encodes on get, per component or per request', async () => {
    const bytes = Buffer.from([0, 255, 1, 128, 10]);
    const created = await post(runtime, 'store-b64', {
      operation: 'create',
      data: bytes.toString('base64'),
      metadata: { key: 'bin' },
    });
    expect(created.status).toBe(200);
    expect((await objectOf('bin')).body).toEqual(bytes);
    const encoded = await post(runtime, 'store-b64', { operation: 'get', metadata: { key: 'bin' } });
    expect(encoded.body.toString()).toBe(bytes.toString('base64'));
    const raw = await post(runtime, 'store', { operation: 'get', metadata: { key: 'bin' } });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual(bytes);
    const perRequest = await post(runtime, 'store', {
      operation: 'get',
      metadata: { key: 'bin', encodeBase64: 'yes' },
    });
    expect(perRequest.body.toString()).toBe(bytes.toString('base64'));
  });

  it("refuses bad base64, tags and TTLs with daprd's text and writes nothing", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        { key: 'bad-1', decodeBase64: 'true' },
        's3 binding error: uploading failed: illegal base64 data at input byte 2',
      ],
      [
        { key: 'bad-2', tags: 'a=1,b' },
        "s3 binding error: parsing tags falied error: invalid tag format: 'b' (expected key=value)",
      ],
      [
        { key: 'bad-3', tags: '' },
        "s3 binding error: parsing tags falied error: invalid tag format: '' (expected key=value)",
      ],
      [
        { key: 'bad-4', presignTTL: '10' },
        's3 binding error: s3 binding error: cannot parse duration 10: time: missing unit in duration "10"',
      ],
    ];
    for (const [metadata, message] of cases) {
      const response = await post(runtime, 'store', { operation: 'create', data: 'ab!d', metadata });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: `error invoking output binding store: ${message}`,
      });
      expect(await exists(metadata.key!)).toBe(false);
    }
  });

  it("gets the bytes, or daprd's errors for a missing object or key", async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'get/me', Body: Buffer.from('payload') }));
    const found = await post(runtime, 'store', { operation: 'get', metadata: { key: 'get/me' } });
    expect(found.status).toBe(200);
    expect(found.body.toString()).toBe('payload');
    const missing = await post(runtime, 'store', { operation: 'get', metadata: { key: 'get/none' } });
    expect(errorOf(missing).message).toBe('error invoking output binding store: object not found');
    const noKey = await post(runtime, 'store', { operation: 'get' });
    expect(errorOf(noKey).message).toBe(
      "error invoking output binding store: s3 binding error: required metadata 'key' missing",
    );
  });

  it('deletes an object (204)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'del/me', Body: 'x' }));
    const response = await post(runtime, 'store', { operation: 'delete', metadata: { key: 'del/me' } });
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(await exists('del/me')).toBe(false);
  });

  it("lists with daprd's options and answers aws-sdk-go-v2's ListObjectsOutput JSON", async () => {
    for (const key of ['list/a/1', 'list/a/2', 'list/b']) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'abc' }));
    }
    const page = await post(runtime, 'store', { operation: 'list', data: { prefix: 'list/', maxResults: 2 } });
    expect(page.status).toBe(200);
    const body = JSON.parse(page.body.toString()) as Record<string, unknown> & {
      Contents: Array<Record<string, unknown>>;
    };
    expect(Object.keys(body)).toEqual([
      'CommonPrefixes',
      'Contents',
      'Delimiter',
      'EncodingType',
      'IsTruncated',
      'Marker',
      'MaxKeys',
      'Name',
      'NextMarker',
      'Prefix',
      'RequestCharged',
      'ResultMetadata',
    ]);
    expect(body).toMatchObject({ IsTruncated: true, MaxKeys: 2, Name: bucket, Prefix: 'list/', ResultMetadata: {} });
    expect(body.Contents.map((item) => item.Key)).toEqual(['list/a/1', 'list/a/2']);
    expect(Object.keys(body.Contents[0]!)).toEqual([
      'ChecksumAlgorithm',
      'ChecksumType',
      'ETag',
      'Key',
      'LastModified',
      'Owner',
      'RestoreStatus',
      'Size',
      'StorageClass',
    ]);
    expect(body.Contents[0]).toMatchObject({
      Size: 3,
      StorageClass: 'STANDARD',
      ETag: '"900150983cd24fb0d6963f7d28e17f72"',
    });
    expect(body.Contents[0]!.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    const next = await post(runtime, 'store', { operation: 'list', data: { prefix: 'list/', marker: 'list/a/2' } });
    expect((JSON.parse(next.body.toString()) as typeof body).Contents.map((item) => item.Key)).toEqual(['list/b']);
    const folders = await post(runtime, 'store', { operation: 'list', data: { prefix: 'list/', delimiter: '/' } });
    expect(JSON.parse(folders.body.toString())).toMatchObject({
      CommonPrefixes: [{ Prefix: 'list/a/' }],
      Contents: [{ Key: 'list/b' }],
      Delimiter: '/',
    });
    const bad = await post(runtime, 'store', { operation: 'list', data: { maxResults: 'ten' } });
    expect(errorOf(bad).message).toBe(
      'error invoking output binding store: s3 binding (List Operation) - unable to parse Data property - ' +
        'json: cannot unmarshal string into Go struct field listPayload.maxResults of type int32',
    );
  });

  it('presigns a GET URL that serves the object, signed for exactly the TTL', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'presign/me', Body: 'signed bytes' }));
    const response = await post(runtime, 'store', {
      operation: 'presign',
      metadata: { key: 'presign/me', presignTTL: '1m' },
    });
    expect(response.status).toBe(200);
    const { presignURL } = JSON.parse(response.body.toString()) as { presignURL: string };
    expect(Object.keys(JSON.parse(response.body.toString()) as object)).toEqual(['presignURL']);
    const fetched = await fetch(presignURL);
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toBe('signed bytes');

    // moto serves expired URLs, so the expiry is checked in the URL itself: signed now, valid 1 s.
    const short = await post(runtime, 'store', {
      operation: 'presign',
      metadata: { key: 'presign/me', presignTTL: '1.9s' },
    });
    const shortUrl = new URL((JSON.parse(short.body.toString()) as { presignURL: string }).presignURL);
    expect(shortUrl.searchParams.get('X-Amz-Expires')).toBe('1');
    const signedAt = shortUrl.searchParams
      .get('X-Amz-Date')!
      .replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    expect(Math.abs(Date.parse(signedAt) - Date.now())).toBeLessThan(5_000);
    const negative = await post(runtime, 'store', {
      operation: 'presign',
      metadata: { key: 'presign/me', presignTTL: '-5s' },
    });
    expect(negative.status).toBe(500);
    const tooLong = await post(runtime, 'store', {
      operation: 'presign',
      metadata: { key: 'presign/me', presignTTL: '169h' },
    });
    expect(errorOf(tooLong).message).toBe(
      'error invoking output binding store: s3 binding error: s3 binding error: failed to presign URL: ' +
        'Signature version 4 presigned URLs must have an expiration date less than one week in the future',
    );

    const noTtl = await post(runtime, 'store', { operation: 'presign', metadata: { key: 'presign/me' } });
    expect(errorOf(noTtl).message).toBe(
      "error invoking output binding store: s3 binding error: required metadata 'presignTTL' missing",
    );
    const badTtl = await post(runtime, 'store', { operation: 'presign', metadata: { key: 'k', presignTTL: '5 min' } });
    expect(errorOf(badTtl).message).toBe(
      'error invoking output binding store: s3 binding error: s3 binding error: cannot parse duration 5 min: time: unknown unit " min" in duration "5 min"',
    );
  });

  it('returns a presigned URL from create when the component sets presignTTL, with its storage class', async () => {
    const response = await post(runtime, 'store-ia', { operation: 'create', data: 'ia', metadata: { key: 'ia/obj' } });
    const body = JSON.parse(response.body.toString()) as { location: string; versionID: null; presignURL: string };
    expect(Object.keys(body)).toEqual(['location', 'versionID', 'presignURL']);
    expect(await (await fetch(body.presignURL)).text()).toBe('ia');
    expect((await objectOf('ia/obj')).output.StorageClass).toBe('STANDARD_IA');
  });

  it('stores a body of almost 4 MiB unchanged', async () => {
    const text = 'abcdefghij'.repeat(419_000); // 4.19 MB of data inside a body under the 4 MiB limit
    const response = await post(runtime, 'store', { operation: 'create', data: text, metadata: { key: 'large' } });
    expect(response.status).toBe(200);
    const { body } = await objectOf('large');
    expect(body.length).toBe(text.length);
    expect(body.equals(Buffer.from(text))).toBe(true);
    const got = await post(runtime, 'store', { operation: 'get', metadata: { key: 'large' } });
    expect(got.body.equals(body)).toBe(true);
  });

  it('runs bulkCreate, bulkGet and bulkDelete with per-item results', async () => {
    const created = await post(runtime, 'store', {
      operation: 'bulkCreate',
      data: {
        items: [
          { key: 'bulk/1', data: 'one', contentType: 'text/x-one' },
          { key: 'bulk/2', data: '"two"' },
          { key: '' },
          { key: 'bulk/3' },
        ],
        concurrency: 2,
      },
    });
    expect(JSON.parse(created.body.toString())).toEqual([
      { key: 'bulk/1', location: `${motoEndpoint()}/${bucket}/bulk/1` },
      { key: 'bulk/2', location: `${motoEndpoint()}/${bucket}/bulk/2` },
      { key: '', error: 'key is required' },
      { key: 'bulk/3', error: 'either data or filePath is required' },
    ]);
    expect((await objectOf('bulk/1')).output.ContentType).toBe('text/x-one');
    expect((await objectOf('bulk/2')).body.toString()).toBe('"two"');

    const got = await post(runtime, 'store', {
      operation: 'bulkGet',
      data: { items: [{ key: 'bulk/1' }, { key: 'bulk/2' }, { key: 'bulk/none' }] },
    });
    expect(got.body.toString()).toBe(
      '[{"key":"bulk/1","data":"one"},{"key":"bulk/2","data":"\\"two\\""},{"key":"bulk/none","error":"object not found"}]',
    );

    const deleted = await post(runtime, 'store', {
      operation: 'bulkDelete',
      data: { keys: ['bulk/1', 'bulk/2', 'bulk/1', ' '] },
    });
    expect(deleted.body.toString()).toBe(
      '[{"key":"bulk/1"},{"key":"bulk/2"},{"key":"bulk/1"},{"key":" ","error":"key is required"}]',
    );
    expect(await exists('bulk/1')).toBe(false);
    expect(await exists('bulk/2')).toBe(false);

    const empty = await post(runtime, 'store', { operation: 'bulkGet', data: { items: [] } });
    expect(errorOf(empty).message).toBe(
      'error invoking output binding store: s3 binding error: bulkGet requires at least one item',
    );
  });

  it('base64-decodes bulkCreate data and encodes bulkGet data when asked, per item errors for bad base64', async () => {
    const created = await post(runtime, 'store', {
      operation: 'bulkCreate',
      data: {
        items: [
          { key: 'b64/1', data: Buffer.from([0, 1, 254]).toString('base64') },
          { key: 'b64/2', data: 'a!==' },
        ],
      },
      metadata: { decodeBase64: 'true' },
    });
    expect(JSON.parse(created.body.toString())).toEqual([
      { key: 'b64/1', location: `${motoEndpoint()}/${bucket}/b64/1` },
      { key: 'b64/2', error: 'illegal base64 data at input byte 1' },
    ]);
    expect((await objectOf('b64/1')).body).toEqual(Buffer.from([0, 1, 254]));
    expect(await exists('b64/2')).toBe(false);
    const got = await post(runtime, 'store-b64', { operation: 'bulkGet', data: { items: [{ key: 'b64/1' }] } });
    expect(got.body.toString()).toBe(`[{"key":"b64/1","data":"${Buffer.from([0, 1, 254]).toString('base64')}"}]`);
  });

  it("answers daprd's error for a bucket that does not exist", async () => {
    const response = await post(runtime, 'nobucket', { operation: 'create', data: 'x', metadata: { key: 'k' } });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      /^error invoking output binding nobucket: s3 binding error: uploading failed: operation error S3: PutObject, https response error StatusCode: 404, RequestID: \S*, HostID: \S*, NoSuchBucket: The specified bucket does not exist$/,
    );
    const listed = await post(runtime, 'nobucket', { operation: 'list' });
    expect(errorOf(listed).message).toMatch(
      /^error invoking output binding nobucket: s3 binding error: list operation failed: operation error S3: ListObjects, https response error StatusCode: 404, .*NoSuchBucket: The specified bucket does not exist$/,
    );
  });
});
