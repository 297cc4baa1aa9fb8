import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'components');

/** Runs the real build (esbuild included) on a components folder, into a temporary output folder. */
function build(componentsDir: string, stage = 'dev') {
  const outDir = mkdtempSync(join(tmpdir(), 'build-'));
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--stage', stage], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, COMPONENTS_DIR: componentsDir, BUILD_OUT_DIR: outDir },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, bundle: join(outDir, 'index.js') };
}

describe('npm run build', () => {
  it('bundles the stage components and the Kafka driver they use', () => {
    const { status, output, bundle } = build(join(fixtures, 'good'), 'prod');
    expect(status).toBe(0);
    expect(output).toContain('built stage "prod"');
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('b-1.prod.kafka.internal:9094');
    expect(code).toContain('KafkaJSNumberOfRetriesExceeded');
  });

  it('leaves binding drivers out of a stage that uses none', () => {
    const { status, bundle } = build(join(fixtures, 'empty'));
    expect(status).toBe(0);
    expect(readFileSync(bundle, 'utf8')).not.toContain('KafkaJS');
  });

  it('keeps envRef values out of the bundle: they are read at cold start', () => {
    const { bundle } = build(join(fixtures, 'good'), 'prod');
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('CHECKOUT_SASL_PASSWORD');
  });

  it('bundles the secret stores a stage uses but never a secret value: they are read at cold start', () => {
    const { status, bundle } = build(join(fixtures, 'secrets'));
    expect(status).toBe(0);
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('kafka-orders-password');
    expect(code).toContain('secretstores.aws.secretmanager');
    expect(code).not.toContain('secretstores.local.env');
    const password = process.env.KAFKA_SASL_PASSWORD;
    if (!password) throw new Error('KAFKA_SASL_PASSWORD is not set: run `npm run services:up`');
    expect(code).not.toContain(password);
  });

  it('fails on a bad component, naming the file, the component and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'components-'));
    copyFileSync(join(fixtures, 'bad', 'missing-required.yaml'), join(dir, 'missing-required.yaml'));
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toMatch(
      /error: .*missing-required\.yaml: component "k" \(bindings\.kafka\): metadata "brokers" is required/,
    );
    expect(output).toContain('build failed: 1 component error(s) for stage "dev"');
  });
});
