import { kinesisIamRule } from '../../../../../src/bindings/aws/kinesis/iam';
import type { BundledComponent, MetadataItem } from '../../../../../src/components/types';
import { BINDING_IAM_RULES, deriveIamStatements } from '../../../../../src/deploy/iam';

function kinesis(metadata: MetadataItem[]): BundledComponent {
  return {
    name: 'records',
    type: 'bindings.aws.kinesis',
    version: 'v1',
    initTimeoutMs: 5_000,
    source: 'components/records.yaml',
    metadata,
  };
}

const stream = (region: string, name: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:kinesis:${region}:\${AWS::AccountId}:stream/${name}`,
});

describe('aws.kinesis IAM rule', () => {
  it('allows only kinesis:PutRecord on the literal stream in the literal region', () => {
    expect(
      kinesisIamRule(
        kinesis([
          { name: 'streamName', value: 'orders' },
          { name: 'region', value: 'eu-west-1' },
        ]),
      ),
    ).toEqual([{ Effect: 'Allow', Action: ['kinesis:PutRecord'], Resource: [stream('eu-west-1', 'orders')] }]);
  });

  it("uses the function's region when none is given, and any region when it is only known at run time", () => {
    const orders = { name: 'StreamName', value: 'orders' };
    expect(kinesisIamRule(kinesis([orders]))[0]!.Resource).toEqual([stream('${AWS::Region}', 'orders')]);
    expect(kinesisIamRule(kinesis([orders, { name: 'REGION', envRef: 'R' }]))[0]!.Resource).toEqual([
      stream('*', 'orders'),
    ]);
  });

  it('uses * for a stream known only at run time, and for Dapr templates in the name', () => {
    expect(kinesisIamRule(kinesis([{ name: 'streamName', envRef: 'STREAM' }]))[0]!.Resource).toEqual([
      stream('${AWS::Region}', '*'),
    ]);
    expect(
      kinesisIamRule(kinesis([{ name: 'streamName', secretKeyRef: { name: 's', key: 'k' } }]))[0]!.Resource,
    ).toEqual([stream('${AWS::Region}', '*')]);
    expect(kinesisIamRule(kinesis([{ name: 'streamName', value: '{appID}-orders' }]))[0]!.Resource).toEqual([
      stream('${AWS::Region}', '*-orders'),
    ]);
  });

  it('escapes ${ in a literal name so Fn::Sub keeps it', () => {
    expect(kinesisIamRule(kinesis([{ name: 'streamName', value: 'a${b}' }]))[0]!.Resource).toEqual([
      stream('${AWS::Region}', 'a${!b}'),
    ]);
  });

  it('is the registered rule for bindings.aws.kinesis', () => {
    expect(BINDING_IAM_RULES['bindings.aws.kinesis']).toBe(kinesisIamRule);
    const manifest = {
      appId: 'app',
      stage: 'prod',
      secretStores: [],
      components: [kinesis([{ name: 'streamName', value: 'orders' }])],
    };
    expect(deriveIamStatements(manifest)).toEqual([
      { Effect: 'Allow', Action: ['kinesis:PutRecord'], Resource: [stream('${AWS::Region}', 'orders')] },
    ]);
  });
});
