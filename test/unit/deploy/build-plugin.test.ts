import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IamStatement } from '../../../src/deploy/iam';

// The plugin runs scripts/build.ts with spawnSync; here a stand-in writes a hand-written iam.json instead.
jest.mock('node:child_process', () => ({ spawnSync: jest.fn() }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { spawnSync } = require('node:child_process') as { spawnSync: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BuildBundlePlugin = require('../../../scripts/serverless/build-plugin.cjs');

const root = resolve(__dirname, '..', '..', '..');

const handWritten: IamStatement[] = [
  {
    Effect: 'Allow',
    Action: ['secretsmanager:GetSecretValue'],
    Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:eu-west-1:${AWS::AccountId}:secret:kafka-??????' }],
  },
  {
    Effect: 'Allow',
    Action: ['ssm:GetParameter', 'ssm:GetParameters'],
    Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/prod/kafka' }],
  },
];

/** Makes the stand-in build write `statements` to the file given after --iam-out, and exit with `status`. */
function buildWrites(statements: unknown, status = 0) {
  spawnSync.mockImplementation((_command: string, args: string[]) => {
    const file = args[args.indexOf('--iam-out') + 1]!;
    if (status === 0) writeFileSync(file, JSON.stringify(statements));
    return { status };
  });
}

interface FakeProvider {
  stage?: string;
  environment?: Record<string, string>;
  iam?: { role?: unknown };
  iamRoleStatements?: unknown[];
  role?: string;
}

function plugin(
  provider: FakeProvider = {},
  functionObject: Record<string, unknown> = { handler: 'dist/index.handler' },
) {
  const log = { notice: jest.fn(), warning: jest.fn() };
  const serverless = {
    service: {
      service: 'dapr-bindings',
      provider: { stage: 'dev', ...provider },
      custom: { buildOutDir: 'dist' },
      getAllFunctions: () => ['bindings'],
      getFunction: () => functionObject,
    },
  };
  const instance = new BuildBundlePlugin(serverless, { stage: 'prod' }, { log });
  const initialize = () => instance.hooks['before:package:initialize']();
  return { instance, serverless, provider: serverless.service.provider as FakeProvider, log, initialize };
}

beforeEach(() => spawnSync.mockReset());

describe('build-plugin', () => {
  it('builds on before:package:initialize, before the framework compiles the role in setupProviderConfiguration', () => {
    buildWrites([]);
    const { instance, initialize } = plugin();
    expect(Object.keys(instance.hooks)).toContain('before:package:initialize');
    initialize();
    expect(spawnSync).toHaveBeenCalledTimes(1);
    const [command, args, options] = spawnSync.mock.calls[0]!;
    expect(command).toBe(join(root, 'node_modules', '.bin', 'tsx'));
    expect(args.slice(0, 3)).toEqual([join(root, 'scripts', 'build.ts'), '--stage', 'prod']);
    expect(options.env).toMatchObject({ BUILD_OUT_DIR: 'dist', APP_ID: 'dapr-bindings' });
  });

  it('adds the statements of iam.json to provider.iam.role.statements', () => {
    buildWrites(handWritten);
    const { provider, initialize, log } = plugin();
    initialize();
    expect(provider.iam).toEqual({ role: { statements: handWritten } });
    expect(log.notice).toHaveBeenCalledWith("Added 2 derived IAM statement(s) to the function's role");
  });

  it('keeps the statements and role settings already configured, including the deprecated iamRoleStatements', () => {
    const own = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] };
    buildWrites(handWritten);
    const configured = plugin({ iam: { role: { name: 'custom-name', statements: [own] } } });
    configured.initialize();
    expect(configured.provider.iam).toEqual({ role: { name: 'custom-name', statements: [own, ...handWritten] } });

    const legacy = plugin({ iamRoleStatements: [own] });
    legacy.initialize();
    expect(legacy.provider.iam).toEqual({ role: { statements: [own, ...handWritten] } });
  });

  it('leaves the configuration alone when the stage needs no statement', () => {
    buildWrites([]);
    const { provider, initialize } = plugin();
    initialize();
    expect(provider.iam).toBeUndefined();
  });

  it('only warns, with the statements, when the function uses a role of its own', () => {
    for (const setup of [
      plugin({ iam: { role: 'arn:aws:iam::123456789012:role/existing' } }),
      plugin({ iam: { role: { 'Fn::GetAtt': ['MyRole', 'Arn'] } } }),
      plugin({ role: 'arn:aws:iam::123456789012:role/existing' }),
      plugin({}, { handler: 'dist/index.handler', role: 'arn:aws:iam::123456789012:role/fn' }),
    ]) {
      buildWrites(handWritten);
      const before = JSON.stringify(setup.provider);
      setup.initialize();
      expect(JSON.stringify(setup.provider)).toBe(before);
      expect(setup.log.warning).toHaveBeenCalledWith(expect.stringContaining('secretsmanager:GetSecretValue'));
    }
  });

  it("builds for the function's APP_ID and builds only once per command", () => {
    buildWrites([]);
    const { instance, initialize } = plugin({ environment: { APP_ID: 'checkout-app' } });
    initialize();
    instance.hooks['before:offline:start']();
    expect(spawnSync).toHaveBeenCalledTimes(1);
    expect(spawnSync.mock.calls[0]![2].env.APP_ID).toBe('checkout-app');
  });

  it('fails when the build fails', () => {
    buildWrites([], 1);
    expect(() => plugin().initialize()).toThrow('building stage "prod" failed');
  });

  it('refuses a BUILD_OUT_DIR outside the service folder (the handler path is relative to it)', () => {
    buildWrites([]);
    for (const dir of ['/tmp/out', '../out', '.']) {
      const setup = plugin();
      setup.serverless.service.custom.buildOutDir = dir;
      expect(() => setup.initialize()).toThrow(/BUILD_OUT_DIR .* must be a folder inside/);
    }
    expect(spawnSync).not.toHaveBeenCalled();
  });
});
