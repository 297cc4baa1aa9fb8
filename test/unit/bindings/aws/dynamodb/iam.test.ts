import { dynamodbIamRule } from '../../../../../src/bindings/aws/dynamodb/iam';
import type { BundledComponent, MetadataItem } from '../../../../../src/components/types';
import { BINDING_IAM_RULES, deriveIamStatements } from '../../../../../src/deploy/iam';

function dynamodb(metadata: MetadataItem[]): BundledComponent {
  return {
    name: 'items',
    type: 'bindings.aws.dynamodb',
    version: 'v1',
    initTimeoutMs: 5_000,
    source: 'components/items.yaml',
    metadata,
  };
}

const table = (region: string, name: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:${region}:\${AWS::AccountId}:table/${name}`,
});

describe('aws.dynamodb IAM rule', () => {
  it('allows only dynamodb:PutItem on the literal table in the literal region', () => {
    expect(
      dynamodbIamRule(
        dynamodb([
          { name: 'table', value: 'orders' },
          { name: 'region', value: 'eu-west-1' },
        ]),
      ),
    ).toEqual([{ Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [table('eu-west-1', 'orders')] }]);
  });

  it("uses the function's region when none is given, and any region when it is only known at run time", () => {
    const orders = { name: 'Table', value: 'orders' };
    expect(dynamodbIamRule(dynamodb([orders]))[0]!.Resource).toEqual([table('${AWS::Region}', 'orders')]);
    expect(dynamodbIamRule(dynamodb([orders, { name: 'REGION', envRef: 'R' }]))[0]!.Resource).toEqual([
      table('*', 'orders'),
    ]);
  });

  it('uses * for a table known only at run time, and for Dapr templates in the name', () => {
    expect(dynamodbIamRule(dynamodb([{ name: 'table', envRef: 'TABLE' }]))[0]!.Resource).toEqual([
      table('${AWS::Region}', '*'),
    ]);
    expect(dynamodbIamRule(dynamodb([{ name: 'table', secretKeyRef: { name: 's', key: 'k' } }]))[0]!.Resource).toEqual([
      table('${AWS::Region}', '*'),
    ]);
    expect(dynamodbIamRule(dynamodb([{ name: 'table', value: '{appID}-orders' }]))[0]!.Resource).toEqual([
      table('${AWS::Region}', '*-orders'),
    ]);
  });

  it('escapes ${ in a literal name so Fn::Sub keeps it', () => {
    expect(dynamodbIamRule(dynamodb([{ name: 'table', value: 'a${b}' }]))[0]!.Resource).toEqual([
      table('${AWS::Region}', 'a${!b}'),
    ]);
  });

  it('is the registered rule for bindings.aws.dynamodb', () => {
    expect(BINDING_IAM_RULES['bindings.aws.dynamodb']).toBe(dynamodbIamRule);
    const manifest = {
      appId: 'app',
      stage: 'prod',
      secretStores: [],
      components: [dynamodb([{ name: 'table', value: 'orders' }])],
    };
    expect(deriveIamStatements(manifest)).toEqual([
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [table('${AWS::Region}', 'orders')] },
    ]);
  });
});
