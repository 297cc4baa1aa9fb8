import { spec } from '../../../../../src/bindings/aws/dynamodb/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';

const check = (properties: Record<string, string>) => checkComponentProperties(spec, properties);

describe('aws.dynamodb spec', () => {
  it("lists daprd's one operation, create", () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("accepts daprd's component fields, names matched case-insensitively", () => {
    const result = check({
      Table: 'orders',
      region: 'eu-west-1',
      endpoint: 'http://localhost:8000',
      accessKey: 'AKIA',
      secretKey: 'secret',
      sessionToken: 'token',
      assumeRoleArn: 'arn:aws:iam::1:role/r',
      assumeRoleSessionName: 's',
    });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ table: 'orders', region: 'eu-west-1', endpoint: 'http://localhost:8000' });
    expect(spec.operationTimeoutMs(result.config)).toBe(30_000);
  });

  it('requires the table', () => {
    expect(check({ region: 'us-east-1' }).errors).toEqual(['metadata "table" is required']);
    expect(check({ table: '' }).errors).toEqual(['metadata "table" is required']);
  });

  it('refuses IAM Roles Anywhere (all three X.509 fields), which daprd would use', () => {
    const x509 = { table: 't', trustAnchorArn: 'a', trustProfileArn: 'p', assumeRoleArn: 'r' };
    expect(check(x509).errors).toEqual([expect.stringContaining('not supported yet')]);
    expect(check({ table: 't', trustAnchorArn: 'a', trustProfileArn: 'p' }).errors).toEqual([]);
  });

  it('marks the keys sensitive', () => {
    expect(spec.metadata.secretKey.options.sensitive).toBe(true);
    expect(spec.metadata.sessionToken.options.sensitive).toBe(true);
  });
});
