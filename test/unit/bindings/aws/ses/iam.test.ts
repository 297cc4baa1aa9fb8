import { sesIamRule } from '../../../../../src/bindings/aws/ses/iam';
import type { BundledComponent, MetadataItem } from '../../../../../src/components/types';
import { BINDING_IAM_RULES, deriveIamStatements } from '../../../../../src/deploy/iam';

function ses(metadata: MetadataItem[]): BundledComponent {
  return {
    name: 'mail',
    type: 'bindings.aws.ses',
    version: 'v1',
    initTimeoutMs: 5_000,
    source: 'components/mail.yaml',
    metadata,
  };
}

const identities = (region: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:ses:${region}:\${AWS::AccountId}:identity/*`,
});

describe('aws.ses IAM rule', () => {
  it("allows ses:SendEmail on the identities of the component's literal region", () => {
    expect(sesIamRule(ses([{ name: 'region', value: 'eu-west-1' }]))).toEqual([
      { Effect: 'Allow', Action: ['ses:SendEmail'], Resource: [identities('eu-west-1')] },
    ]);
  });

  it("uses the function's region when none is given, and any region when it comes from envRef or secretKeyRef", () => {
    expect(sesIamRule(ses([]))[0]!.Resource).toEqual([identities('${AWS::Region}')]);
    expect(sesIamRule(ses([{ name: 'Region', envRef: 'SES_REGION' }]))[0]!.Resource).toEqual([identities('*')]);
    expect(sesIamRule(ses([{ name: 'region', secretKeyRef: { name: 's', key: 'k' } }]))[0]!.Resource).toEqual([
      identities('*'),
    ]);
  });

  it('pins the sender with a ses:FromAddress condition when the component has a literal emailFrom', () => {
    const [statement] = sesIamRule(
      ses([
        { name: 'region', value: 'us-east-1' },
        { name: 'EmailFrom', value: ' sender@example.com ' },
      ]),
    );
    expect(statement!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'sender@example.com' } });
    expect(statement!.Action).toEqual(['ses:SendEmail']); // SendRawEmail is never used
  });

  it('puts no condition when the sender is only known per call (absent, envRef or secretKeyRef)', () => {
    expect(sesIamRule(ses([]))[0]!.Condition).toBeUndefined();
    expect(sesIamRule(ses([{ name: 'emailFrom', envRef: 'SENDER' }]))[0]!.Condition).toBeUndefined();
    expect(
      sesIamRule(ses([{ name: 'emailFrom', secretKeyRef: { name: 's', key: 'k' } }]))[0]!.Condition,
    ).toBeUndefined();
  });

  it('is the registered rule for bindings.aws.ses', () => {
    expect(BINDING_IAM_RULES['bindings.aws.ses']).toBe(sesIamRule);
    const manifest = {
      appId: 'a',
      stage: 'prod',
      components: [ses([{ name: 'region', value: 'us-east-1' }])],
      secretStores: [],
    };
    expect(deriveIamStatements(manifest)).toEqual([
      { Effect: 'Allow', Action: ['ses:SendEmail'], Resource: [identities('us-east-1')] },
    ]);
  });
});
