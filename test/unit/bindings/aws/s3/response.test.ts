import type { ListObjectsCommandOutput } from '@aws-sdk/client-s3';
import {
  bulkResultsJson,
  createResponseJson,
  listOutputJson,
  presignResponseJson,
} from '../../../../../src/bindings/aws/s3/response';

describe('aws.s3 answers', () => {
  it("writes daprd's create and presign bodies with Go's field order and escaping", () => {
    expect(createResponseJson('http://h/b/k', undefined).toString()).toBe(
      '{"location":"http://h/b/k","versionID":null}',
    );
    expect(createResponseJson('http://h/b/k', 'v1', 'http://h/b/k?a=1&b=2').toString()).toBe(
      '{"location":"http://h/b/k","versionID":"v1","presignURL":"http://h/b/k?a=1\\u0026b=2"}',
    );
    expect(presignResponseJson('u<').toString()).toBe('{"presignURL":"u\\u003c"}');
  });

  it('leaves empty bulk fields out, except the key', () => {
    expect(
      bulkResultsJson([
        { key: '', error: 'key is required' },
        { key: 'a', data: 'x' },
        { key: 'b', location: 'l' },
        { key: 'c' },
      ]).toString(),
    ).toBe('[{"key":"","error":"key is required"},{"key":"a","data":"x"},{"key":"b","location":"l"},{"key":"c"}]');
  });

  it("marshals ListObjectsOutput as aws-sdk-go-v2's struct", () => {
    const output = {
      $metadata: {},
      Contents: [
        {
          Key: 'a',
          LastModified: new Date('2026-01-02T03:04:05.120Z'),
          ETag: '"e"',
          ChecksumAlgorithm: ['CRC32'],
          ChecksumType: 'FULL_OBJECT',
          Size: 3,
          StorageClass: 'STANDARD',
          Owner: { ID: 'id' },
        },
      ],
      IsTruncated: false,
      Marker: '',
      MaxKeys: 1000,
      Name: 'b',
      Prefix: '',
    } as unknown as ListObjectsCommandOutput;
    expect(listOutputJson(output).toString()).toBe(
      '{"CommonPrefixes":null,"Contents":[{"ChecksumAlgorithm":["CRC32"],"ChecksumType":"FULL_OBJECT","ETag":"\\"e\\"",' +
        '"Key":"a","LastModified":"2026-01-02T03:04:05.12Z","Owner":{"DisplayName":null,"ID":"id"},"RestoreStatus":null,' +
        '"Size":3,"StorageClass":"STANDARD"}],"Delimiter":null,"EncodingType":"","IsTruncated":false,"Marker":"",' +
        '"MaxKeys":1000,"Name":"b","NextMarker":null,"Prefix":"","RequestCharged":"","ResultMetadata":{}}',
    );
    const whole = { $metadata: {}, Contents: [{ Key: 'k', LastModified: new Date('2026-01-02T03:04:05.000Z') }] };
    expect(listOutputJson(whole as unknown as ListObjectsCommandOutput).toString()).toContain(
      '"LastModified":"2026-01-02T03:04:05Z"',
    );
  });
});
