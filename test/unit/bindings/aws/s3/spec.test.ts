import { X509_UNSUPPORTED } from '../../../../../src/aws/binding-auth';
import { fallbackLocation } from '../../../../../src/bindings/aws/s3/driver';
import { endpointOf, spec, type S3Config } from '../../../../../src/bindings/aws/s3/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';

describe('aws.s3 spec', () => {
  it("lists daprd's operations in the order of its Operations()", () => {
    expect(Object.keys(spec.operations)).toEqual([
      'create',
      'get',
      'delete',
      'list',
      'presign',
      'bulkGet',
      'bulkCreate',
      'bulkDelete',
    ]);
  });

  it("decodes daprd's metadata names (any case, awsRegion alias) with their defaults", () => {
    const { config, errors } = checkComponentProperties(spec, {
      Bucket: 'b',
      awsRegion: 'eu-west-1',
      ForcePathStyle: 'yes',
      DisableSSL: 'true',
      InsecureSSL: '1',
      accessKey: 'k',
      secretKey: 's',
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      bucket: 'b',
      region: 'eu-west-1',
      forcePathStyle: true,
      disableSSL: true,
      insecureSSL: true,
      decodeBase64: false,
      encodeBase64: false,
    });
  });

  it('requires the bucket and refuses IAM Roles Anywhere', () => {
    expect(checkComponentProperties(spec, {}).errors).toEqual(['metadata "bucket" is required']);
    expect(
      checkComponentProperties(spec, { bucket: 'b', trustAnchorArn: 'a', trustProfileArn: 'p', assumeRoleArn: 'r' })
        .errors,
    ).toEqual([X509_UNSUPPORTED]);
  });

  it('prefixes a scheme-less endpoint with http:// under disableSSL, as daprd', () => {
    expect(endpointOf({ endpoint: 'localhost:4566', disableSSL: true })).toBe('http://localhost:4566');
    expect(endpointOf({ endpoint: 'https://s3.example', disableSSL: true })).toBe('https://s3.example');
    expect(endpointOf({ endpoint: undefined, disableSSL: true })).toBeUndefined();
  });

  it("falls back to daprd's buildLocation when no URL was recorded", () => {
    const config = { endpoint: 'http://e:1/', disableSSL: false, forcePathStyle: false } as S3Config;
    expect(fallbackLocation(config, 'b', 'k')).toBe('http://e:1/b/k');
    expect(fallbackLocation({ ...config, endpoint: undefined, forcePathStyle: true }, 'b', 'k')).toBe(
      'https://s3.amazonaws.com/b/k',
    );
    expect(fallbackLocation({ ...config, endpoint: undefined }, 'b', 'k')).toBe('https://b.s3.amazonaws.com/k');
  });
});
