import type { BundledComponent, BundledSecretStore, BundleManifest, MetadataItem } from '../../../src/components/types';
import { BINDING_FOLDERS } from '../../../src/bindings/registry';
import { BINDING_IAM_RULES, deriveIamStatements, SECRET_STORE_IAM_RULES } from '../../../src/deploy/iam';

function kafka(name: string, secretStore?: string, secrets: Array<[string, string]> = []): BundledComponent {
  return {
    name,
    type: 'bindings.kafka',
    version: 'v1',
    initTimeoutMs: 5_000,
    source: `components/${name}.yaml`,
    ...(secretStore ? { secretStore } : {}),
    metadata: [
      { name: 'brokers', envRef: 'KAFKA_BROKERS' },
      { name: 'publishTopic', value: 'orders' },
      ...secrets.map(([field, secret]) => ({ name: field, secretKeyRef: { name: secret, key: secret } })),
    ],
  };
}

function store(name: string, type: string, metadata: MetadataItem[] = []): BundledSecretStore {
  return { name, type, version: 'v1', metadata, source: `components/${name}.yaml` };
}

function manifest(components: BundledComponent[], secretStores: BundledSecretStore[] = []): BundleManifest {
  return { appId: 'dapr-bindings', stage: 'prod', components, secretStores };
}

const sm = 'secretstores.aws.secretmanager';
const ps = 'secretstores.aws.parameterstore';
const smArn = (region: string, name: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:secretsmanager:${region}:\${AWS::AccountId}:secret:${name}-??????`,
});
const psArn = (region: string, path: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:ssm:${region}:\${AWS::AccountId}:parameter/${path}`,
});

describe('deriveIamStatements', () => {
  it('is empty for a stage that needs nothing on AWS (Kafka with envRef and literals)', () => {
    expect(deriveIamStatements(manifest([kafka('a'), kafka('b')]))).toEqual([]);
    expect(deriveIamStatements(manifest([]))).toEqual([]);
  });

  it('is empty for the local secret stores', () => {
    const m = manifest(
      [kafka('a', 'env', [['saslPassword', 'KAFKA_PASSWORD']]), kafka('b', 'file', [['saslPassword', 'pw']])],
      [store('env', 'secretstores.local.env'), store('file', 'secretstores.local.file')],
    );
    expect(deriveIamStatements(m)).toEqual([]);
  });

  it('grants GetSecretValue on exactly the referenced secrets, in the literal region, one statement per store', () => {
    const m = manifest(
      [
        kafka('orders', 'vault', [
          ['saslPassword', 'prod/kafka/orders'],
          ['clientKey', 'prod/kafka/client-key'],
        ]),
        kafka('audit', 'vault', [['saslPassword', 'prod/kafka/orders']]), // same secret twice: once in the policy
        kafka('plain'),
      ],
      [store('vault', sm, [{ name: 'region', value: 'eu-west-1' }])],
    );
    expect(deriveIamStatements(m)).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [smArn('eu-west-1', 'prod/kafka/client-key'), smArn('eu-west-1', 'prod/kafka/orders')],
      },
    ]);
  });

  it("uses the function's own region when the store names none (or an empty one), * when it comes from an envRef", () => {
    const m = manifest(
      [kafka('a', 'default', [['saslPassword', 'a']]), kafka('b', 'empty', [['saslPassword', 'b']])].concat(
        kafka('c', 'fromenv', [['saslPassword', 'c']]),
      ),
      [
        store('default', sm, [{ name: 'endpoint', value: 'http://localhost:4566' }]),
        store('empty', sm, [{ name: 'region', value: '' }]),
        store('fromenv', sm, [{ name: 'Region', envRef: 'SECRETS_REGION' }]), // names match case-insensitively
      ],
    );
    expect(deriveIamStatements(m).map((s) => s.Resource)).toEqual([
      [smArn('${AWS::Region}', 'a')],
      [smArn('${AWS::Region}', 'b')],
      [smArn('*', 'c')],
    ]);
  });

  it('keeps a secret given as a full ARN as it is, and escapes ${ in names for Fn::Sub', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-AbCdEf';
    const m = manifest(
      [
        kafka('a', 'vault', [
          ['saslPassword', arn],
          ['clientKey', 'odd${name}'],
        ]),
      ],
      [store('vault', sm)],
    );
    expect(deriveIamStatements(m)[0]!.Resource).toEqual([
      smArn('${AWS::Region}', 'odd${!name}'), // sorted by text: 'arn:$' before 'arn:a'
      arn,
      `${arn}-??????`,
    ]);
  });

  it('grants ssm:GetParameter(s) on <prefix><name>, without a double slash for names with a leading /', () => {
    const m = manifest(
      [
        kafka('a', 'params', [
          ['saslPassword', '/prod/kafka/password'],
          ['clientKey', 'client-key'],
        ]),
        kafka('b', 'prefixed', [
          ['saslPassword', 'password'],
          ['clientKey', 'client-key'],
        ]),
      ],
      [
        store('params', ps, [{ name: 'region', value: 'us-west-2' }]),
        store('prefixed', ps, [{ name: 'prefix', value: '/prod/kafka/' }]),
      ],
    );
    expect(deriveIamStatements(m)).toEqual([
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters'],
        Resource: [psArn('us-west-2', 'client-key'), psArn('us-west-2', 'prod/kafka/password')],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters'],
        Resource: [psArn('${AWS::Region}', 'prod/kafka/client-key'), psArn('${AWS::Region}', 'prod/kafka/password')],
      },
    ]);
  });

  it('pins only the end of the name when the prefix or the region is known only at run time', () => {
    const m = manifest(
      [kafka('a', 'params', [['saslPassword', '/kafka/password']])],
      [
        store('params', ps, [
          { name: 'prefix', envRef: 'PARAM_PREFIX' },
          { name: 'region', envRef: 'AWS_REGION_FOR_PARAMS' },
        ]),
      ],
    );
    expect(deriveIamStatements(m)).toEqual([
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters'],
        Resource: [psArn('*', '*kafka/password')],
      },
    ]);
  });

  it('orders statements by store name whatever the manifest order, and skips stores no component reads', () => {
    const m = manifest(
      [kafka('a', 'zeta', [['saslPassword', 'z']]), kafka('b', 'alpha', [['saslPassword', 'a']])],
      [store('zeta', ps), store('unused', sm), store('alpha', sm)],
    );
    const statements = deriveIamStatements(m);
    expect(statements.map((s) => s.Action[0])).toEqual(['secretsmanager:GetSecretValue', 'ssm:GetParameter']);
    expect(deriveIamStatements({ ...m, secretStores: [...m.secretStores].reverse() })).toEqual(statements);
  });

  it('fails on a manifest whose component reads from a store that is not bundled, or names none', () => {
    expect(() => deriveIamStatements(manifest([kafka('a', 'missing', [['saslPassword', 'x']])]))).toThrow(
      'components/a.yaml: component "a" reads secrets from store "missing", which is not bundled',
    );
    expect(() => deriveIamStatements(manifest([kafka('a', undefined, [['saslPassword', 'x']])]))).toThrow(
      'uses secretKeyRef without auth.secretStore',
    );
  });

  it('fails on a type with no IAM rule, so a new type cannot ship with an incomplete role', () => {
    const blob = { ...kafka('files'), type: 'bindings.azure.blobstorage' };
    expect(() => deriveIamStatements(manifest([blob]))).toThrow(
      /no IAM rule for binding type bindings\.azure\.blobstorage/,
    );
    const vault = store('vault', 'secretstores.hashicorp.vault');
    expect(() => deriveIamStatements(manifest([kafka('a', 'vault', [['saslPassword', 'x']])], [vault]))).toThrow(
      /no IAM rule for secret store type secretstores\.hashicorp\.vault/,
    );
  });

  it('has a rule for every binding type the build knows and every secret store type the manifest documents', () => {
    for (const type of Object.keys(BINDING_FOLDERS)) expect(BINDING_IAM_RULES).toHaveProperty([type]);
    expect(Object.keys(SECRET_STORE_IAM_RULES).sort()).toEqual([
      ps,
      sm,
      'secretstores.local.env',
      'secretstores.local.file',
    ]);
  });
});

describe('deriveIamStatements with templates', () => {
  it('expands {appID} in a parameter store prefix, as the runtime does', () => {
    const manifest: BundleManifest = {
      appId: 'shop',
      stage: 'prod',
      secretStores: [
        {
          name: 'p',
          type: 'secretstores.aws.parameterstore',
          version: 'v1',
          source: 's',
          metadata: [{ name: 'prefix', value: '/dapr/{appID}/' }],
        },
      ],
      components: [
        {
          name: 'k',
          type: 'bindings.kafka',
          version: 'v1',
          initTimeoutMs: 5_000,
          source: 's',
          secretStore: 'p',
          metadata: [{ name: 'saslPassword', secretKeyRef: { name: 'kafka', key: 'kafka' } }],
        },
      ],
    };
    expect(deriveIamStatements(manifest)).toEqual([
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters'],
        Resource: [
          { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/dapr/shop/kafka' },
        ],
      },
    ]);
  });
});
