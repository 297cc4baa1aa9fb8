import { sdkClientConfig, X509_UNSUPPORTED } from '../../../../../src/aws/binding-auth';
import { spec } from '../../../../../src/bindings/aws/sqs/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, properties);
}

describe('aws.sqs spec', () => {
  it("has daprd's single output operation, create", () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("accepts daprd's component fields, names matched case-insensitively", () => {
    const result = check({
      QueueName: 'orders',
      region: 'eu-west-1',
      endpoint: 'http://localhost:4566',
      accessKey: 'AKIA',
      secretKey: 'secret',
      sessionToken: 'token',
      assumeRoleArn: 'arn:aws:iam::1:role/r',
      assumeRoleSessionName: 'dapr',
    });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({
      queueName: 'orders',
      region: 'eu-west-1',
      endpoint: 'http://localhost:4566',
    });
  });

  it('requires queueName', () => {
    const { errors } = check({ region: 'us-east-1' });
    expect(errors.join('\n')).toMatch(/queueName/);
  });

  it('refuses IAM Roles Anywhere, which daprd selects when its three fields are set, and accepts any two of them', () => {
    const x509 = { queueName: 'q', trustAnchorArn: 'a', trustProfileArn: 'p', assumeRoleArn: 'r' };
    expect(check(x509).errors).toEqual([X509_UNSUPPORTED]);
    expect(check({ ...x509, assumeRoleArn: '' }).errors).toEqual([]);
  });

  it('uses static keys only when both are set (daprd falls back to the default chain otherwise), retries once', () => {
    const both = sdkClientConfig({ region: 'eu-west-1', accessKey: 'AKIA', secretKey: 's', sessionToken: 't' });
    expect(both).toMatchObject({
      region: 'eu-west-1',
      maxAttempts: 2,
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 's', sessionToken: 't' },
    });
    expect(sdkClientConfig({ region: 'eu-west-1', accessKey: 'AKIA' })).not.toHaveProperty('credentials');
    expect(sdkClientConfig({ endpoint: 'http://localhost:4566' })).toMatchObject({ endpoint: 'http://localhost:4566' });
  });

  it('bounds an operation by two calls of two attempts each', () => {
    const { config } = check({ queueName: 'q' });
    expect(spec.operationTimeoutMs(config)).toBe(60_000);
  });
});
