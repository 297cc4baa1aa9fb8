import { spec } from '../../../../../src/bindings/aws/kinesis/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';

const check = (properties: Record<string, string>) => checkComponentProperties(spec, properties);

describe('aws.kinesis spec', () => {
  it("lists daprd's one operation, create", () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("accepts daprd's component fields, the input-only ones included", () => {
    const result = check({
      streamName: 'orders',
      region: 'eu-west-1',
      endpoint: 'http://localhost:4566',
      accessKey: 'AKIA',
      secretKey: 'secret',
      sessionToken: 'token',
      consumerName: 'c',
      mode: 'extended',
      partitionKey: 'k',
    });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ streamName: 'orders', region: 'eu-west-1', mode: 'extended' });
    expect(spec.operationTimeoutMs(result.config)).toBe(30_000);
  });

  it('requires the stream name', () => {
    expect(check({}).errors).toEqual(['metadata "streamName" is required']);
  });

  it.each(['shared', 'extended', ''])('accepts mode %p, as daprd (empty means shared)', (mode) => {
    expect(check({ streamName: 's', mode }).errors).toEqual([]);
  });

  it.each(['Shared', 'fanout'])("refuses mode %p with daprd's Init message (the check is case-sensitive)", (mode) => {
    expect(check({ streamName: 's', mode }).errors).toEqual([`aws.kinesis invalid "mode" field ${mode}`]);
  });

  it('refuses IAM Roles Anywhere (all three X.509 fields), which daprd would use', () => {
    const x509 = { streamName: 's', trustAnchorArn: 'a', trustProfileArn: 'p', assumeRoleArn: 'r' };
    expect(check(x509).errors).toEqual([expect.stringContaining('not supported yet')]);
  });
});
