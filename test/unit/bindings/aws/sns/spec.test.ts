import { X509_UNSUPPORTED } from '../../../../../src/aws/binding-auth';
import { spec } from '../../../../../src/bindings/aws/sns/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';

const ARN = 'arn:aws:sns:us-east-1:123456789012:orders';

describe('aws.sns spec', () => {
  it("has daprd's single operation, create", () => {
    expect(Object.keys(spec.operations)).toEqual(['create']);
  });

  it("accepts daprd's fields, region also under its legacy name awsRegion", () => {
    const result = checkComponentProperties(spec, {
      topicArn: ARN,
      awsRegion: 'eu-west-1',
      endpoint: 'http://localhost:4566',
      accessKey: 'AKIA',
      secretKey: 's',
      sessionToken: 't',
    });
    expect(result.errors).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.config).toMatchObject({ topicArn: ARN, region: 'eu-west-1', endpoint: 'http://localhost:4566' });
  });

  it('requires topicArn and refuses IAM Roles Anywhere', () => {
    expect(checkComponentProperties(spec, { region: 'us-east-1' }).errors.join('\n')).toMatch(/topicArn/);
    expect(
      checkComponentProperties(spec, { topicArn: ARN, trustAnchorArn: 'a', trustProfileArn: 'p', assumeRoleArn: 'r' })
        .errors,
    ).toEqual([X509_UNSUPPORTED]);
  });
});
