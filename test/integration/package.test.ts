/**
 * `serverless package` for a dev and a prod stage of the fixture components in test/fixtures/stages,
 * offline, each into its own folders (BUILD_OUT_DIR under .build/, --package under the OS temp dir),
 * so dist/ (which serverless-offline serves to other tests) is left alone. Inspects the artifacts
 * and runs cfn-lint (CFN_LINT) on the templates.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fullCatalog } from '../../src/bindings/registry';
import { loadStage } from '../../src/components/load-stage';
import { deriveIamStatements } from '../../src/deploy/iam';

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');
const COMPONENTS_DIR = join('test', 'fixtures', 'stages');
const SERVERLESS = join(root, 'node_modules', 'serverless', 'bin', 'serverless.js');
const DEV_BROKERS = 'dev-broker.package-test:9092';
const PROD_BROKERS = 'b-1.example.kafka.us-east-1.amazonaws.com:9096,b-2.example.kafka.us-east-1.amazonaws.com:9096';
/** cfn-lint findings accepted, and why: the framework writes a DependsOn that a Ref already implies. */
const ACCEPTED_CFN_LINT_RULES = new Set(['W3005']);

interface Packaged {
  stage: string;
  /** BUILD_OUT_DIR, relative to the repo. */
  outDir: string;
  packageDir: string;
  output: string;
  status: number | null;
  template: Template;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Template = { Resources: Record<string, { Type: string; Properties: any; DependsOn?: unknown }> };

const made: string[] = [];

function packageStage(stage: string): Packaged {
  const outDir = join('.build', 'package-test', `${stage}-${randomUUID().slice(0, 8)}`);
  const packageDir = mkdtempSync(join(tmpdir(), `package-${stage}-`));
  made.push(join(root, outDir), packageDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMPONENTS_DIR,
    BUILD_OUT_DIR: outDir,
    KAFKA_BROKERS: DEV_BROKERS, // the default stage takes it; prod has its own
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
  };
  delete env.APP_ID;
  const result = spawnSync(
    process.execPath,
    [SERVERLESS, 'package', '--stage', stage, '--region', 'us-east-1', '--package', packageDir],
    { cwd: root, encoding: 'utf8', env, timeout: 180_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  let template: Template = { Resources: {} };
  if (result.status === 0)
    template = JSON.parse(readFileSync(join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8'));
  return { stage, outDir, packageDir, output, status: result.status, template };
}

/** The entries of a zip file (central directory), with their uncompressed contents. */
function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error(`${file}: not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function expectedStatements(stage: string) {
  const { manifest, errors } = loadStage({
    dir: join(root, COMPONENTS_DIR),
    stage,
    appId: 'dapr-bindings',
    catalog: fullCatalog,
    root,
  });
  expect(errors).toEqual([]);
  return deriveIamStatements(manifest);
}

const stages: Record<'dev' | 'prod', Packaged> = {} as Record<'dev' | 'prod', Packaged>;

beforeAll(() => {
  // One after the other: serverless stages its artifacts in the repo's .serverless/ before moving them.
  stages.dev = packageStage('dev');
  stages.prod = packageStage('prod');
});

afterAll(() => {
  for (const path of made) rmSync(path, { recursive: true, force: true });
});

const sub = (text: string) => ({ 'Fn::Sub': text });

/** What test/fixtures/stages/prod/aws.yaml needs, written out by hand rather than derived by the code under test. */
const PROD_AWS_STATEMENTS = [
  {
    Effect: 'Allow',
    Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObjectTagging'],
    Resource: [sub('arn:${AWS::Partition}:s3:::fixture-orders-archive/*')],
  },
  { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [sub('arn:${AWS::Partition}:s3:::fixture-orders-archive')] },
  {
    Effect: 'Allow',
    Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
    Resource: [sub('arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:fixture-order-events')],
  },
  {
    Effect: 'Allow',
    Action: ['sns:Publish'],
    Resource: ['arn:aws:sns:us-east-1:123456789012:fixture-order-notices'],
  },
  {
    Effect: 'Allow',
    Action: ['dynamodb:PutItem'],
    Resource: [sub('arn:${AWS::Partition}:dynamodb:us-east-1:${AWS::AccountId}:table/fixture-orders')],
  },
  {
    Effect: 'Allow',
    Action: ['kinesis:PutRecord'],
    Resource: [sub('arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/fixture-clicks')],
  },
  {
    Effect: 'Allow',
    Action: ['ses:SendEmail'],
    Resource: [sub('arn:${AWS::Partition}:ses:us-east-1:${AWS::AccountId}:identity/*')],
    Condition: { StringEquals: { 'ses:FromAddress': 'orders@example.com' } },
  },
];

describe.each(['dev', 'prod'] as const)('serverless package --stage %s', (stage) => {
  const packaged = () => stages[stage];
  const other = stage === 'dev' ? 'prod' : 'dev';
  const fn = () => packaged().template.Resources.BindingsLambdaFunction!;

  it('packages offline, building the stage first', () => {
    const { status, output } = packaged();
    expect({ status, output }).toMatchObject({ status: 0 });
    expect(output).toContain(`built stage "${stage}" for app "dapr-bindings"`);
  });

  it('zips only the bundle, from BUILD_OUT_DIR', () => {
    const entries = readZip(join(packaged().packageDir, 'dapr-bindings.zip'));
    expect([...entries.keys()]).toEqual([`${packaged().outDir}/index.js`]);
    expect(fn().Properties.Handler).toBe(`${packaged().outDir}/index.handler`);
  });

  it("bundles this stage's components and not the other stage's", () => {
    const bundle = readZip(join(packaged().packageDir, 'dapr-bindings.zip'))
      .get(`${packaged().outDir}/index.js`)!
      .toString('utf8');
    expect(bundle).toContain(`fixture-${stage}-orders`);
    expect(bundle).not.toContain(`fixture-${other}-orders`);
    // prod overrides the shared "audit" component.
    expect(bundle).toContain(stage === 'prod' ? 'fixture-audit-prod' : 'fixture-audit-shared');
    expect(bundle).not.toContain(stage === 'prod' ? 'fixture-audit-shared' : 'fixture-audit-prod');
  });

  it("sets the stage's function settings from its params", () => {
    const { Properties: props } = fn();
    const resources = packaged().template.Resources;
    const prod = stage === 'prod';
    expect(props).toMatchObject({
      FunctionName: `dapr-bindings-${stage}-bindings`,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: prod ? 1024 : 512,
      Timeout: 10,
    });
    expect(props.Environment.Variables).toMatchObject({
      APP_ID: 'dapr-bindings',
      KAFKA_BROKERS: prod ? PROD_BROKERS : DEV_BROKERS,
    });
    expect(props.ReservedConcurrentExecutions).toBe(prod ? 100 : undefined);
    expect(resources.BindingsLogGroup!.Properties.RetentionInDays).toBe(prod ? 90 : 14);
    const aliases = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Alias');
    if (prod) {
      expect(aliases.map((a) => a.Properties.ProvisionedConcurrencyConfig)).toEqual([
        { ProvisionedConcurrentExecutions: 2 },
      ]);
      // The API calls the alias, so requests use the provisioned instances.
      expect(JSON.stringify(resources.HttpApiIntegrationBindings!.Properties.IntegrationUri)).toContain(
        '"provisioned"',
      );
    } else {
      expect(aliases).toEqual([]);
    }
  });

  it('runs in the VPC only where the stage sets one (prod: a private broker such as MSK)', () => {
    const role = packaged().template.Resources.IamRoleLambdaExecution!.Properties;
    if (stage === 'prod') {
      expect(fn().Properties.VpcConfig).toEqual({
        SubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
        SecurityGroupIds: ['sg-0a1b2c3d4e5f60003'],
      });
      expect(JSON.stringify(role.ManagedPolicyArns)).toContain('AWSLambdaVPCAccessExecutionRole');
    } else {
      expect(fn().Properties.VpcConfig).toBeUndefined();
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });

  it("gives the role exactly the framework's CloudWatch Logs statements and the statements derived for the stage", () => {
    const statements = packaged().template.Resources.IamRoleLambdaExecution!.Properties.Policies[0].PolicyDocument
      .Statement as Array<{ Action: string[] }>;
    const logs = statements.slice(0, 2);
    expect(logs.flatMap((s) => s.Action).every((action) => action.startsWith('logs:'))).toBe(true);
    expect(logs.flatMap((s) => s.Action)).toContain('logs:PutLogEvents');
    expect(statements.slice(2)).toEqual(expectedStatements(stage));
    // dev has only Kafka components; prod adds one component of each AWS binding type.
    expect(statements.slice(2)).toEqual(stage === 'prod' ? PROD_AWS_STATEMENTS : []);
  });

  it('passes cfn-lint with no errors', () => {
    const cfnLint = process.env.CFN_LINT;
    if (!cfnLint) throw new Error('CFN_LINT is not set: it must name the cfn-lint executable (npm run services:up)');
    const templates = ['cloudformation-template-update-stack.json', 'cloudformation-template-create-stack.json'];
    const result = spawnSync(
      cfnLint,
      ['--format', 'json', '--', ...templates.map((name) => join(packaged().packageDir, name))],
      { encoding: 'utf8' },
    );
    if (result.error) throw result.error;
    // Exit status: bit 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
    expect({ status: (result.status ?? 1) & 3, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const findings = JSON.parse(result.stdout || '[]') as Array<{
      Level: string;
      Message: string;
      Rule: { Id: string };
    }>;
    expect(findings.filter((f) => !ACCEPTED_CFN_LINT_RULES.has(f.Rule.Id))).toEqual([]);
  });
});
