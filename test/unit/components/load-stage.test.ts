import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullCatalog } from '../../../src/bindings/registry';
import { loadStage } from '../../../src/components/load-stage';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'components');

function load(dir: string, stage = 'dev', appId = 'dapr-bindings') {
  return loadStage({ dir, stage, appId, catalog: fullCatalog });
}

describe('loadStage', () => {
  it('loads the good fixtures: several documents, other kinds skipped, scopes and direction honoured', () => {
    const { manifest, errors, warnings } = load(join(fixtures, 'good'));
    expect(errors).toEqual([]);
    expect(manifest.components.map((c) => [c.name, c.type, c.initTimeoutMs])).toEqual([
      ['checkout', 'bindings.kafka', 5_000],
      ['orders', 'bindings.kafka', 2_000],
    ]);
    expect(warnings.join('\n')).toMatch(/kind Configuration is not a component; skipped/);
    expect(warnings.join('\n')).toMatch(/"statestore" \(state.redis\): not an output binding; skipped/);
    expect(warnings.join('\n')).toMatch(/"inbound" \(bindings.kafka\): direction does not include output; skipped/);
    expect(warnings.join('\n')).toMatch(/"other-app-only" is not scoped to app ID "dapr-bindings"; skipped/);
  });

  it('keeps envRef unresolved in the bundle (read at cold start, never baked in)', () => {
    const orders = load(join(fixtures, 'good')).manifest.components.find((c) => c.name === 'orders')!;
    expect(orders.metadata.find((m) => m.name === 'brokers')).toEqual({ name: 'brokers', envRef: 'ORDERS_BROKERS' });
  });

  it('lets a stage folder override a shared component by name', () => {
    const { manifest, errors } = load(join(fixtures, 'good'), 'prod');
    expect(errors).toEqual([]);
    const checkout = manifest.components.find((c) => c.name === 'checkout')!;
    expect(checkout.source).toBe(join('good', 'prod', 'checkout.yaml'));
    expect(checkout.metadata.find((m) => m.name === 'saslMechanism')?.value).toBe('SHA-512');
  });

  it('serves a component scoped to the app ID it is built for', () => {
    const { manifest, errors } = load(join(fixtures, 'good'), 'dev', 'some-other-app');
    expect(errors).toEqual([]);
    // Components without scopes serve every app.
    expect(manifest.components.map((c) => c.name)).toEqual(['checkout', 'orders', 'other-app-only']);
  });

  it('warns about unknown metadata fields but builds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'components-'));
    copyFileSync(join(fixtures, 'good', 'checkout.yaml'), join(dir, 'a.yaml'));
    const text = readFileSync(join(dir, 'a.yaml'), 'utf8').replace(
      '  - name: topics',
      '  - name: brokerz\n    value: x\n  - name: topics',
    );
    writeFileSync(join(dir, 'a.yaml'), text);
    const result = load(dir);
    expect(result.errors).toEqual([]);
    expect(result.warnings.join('\n')).toContain('unknown metadata "brokerz" is ignored');
  });

  it('fails when the components folder does not exist, rather than bundling nothing', () => {
    expect(load(join(fixtures, 'no-such-folder')).errors).toEqual(['components folder no-such-folder does not exist']);
  });

  it('treats a missing stage folder as no overrides', () => {
    expect(load(join(fixtures, 'good'), 'staging').errors).toEqual([]);
  });

  describe('secret stores', () => {
    const secrets = join(fixtures, 'secrets');

    it('bundles the stores that bindings use, with auth.secretStore kept, and skips unused ones', () => {
      const { manifest, errors, warnings } = load(secrets);
      expect(errors).toEqual([]);
      expect(manifest.components.map((c) => [c.name, c.secretStore])).toEqual([
        ['orders', 'aws-secrets'],
        ['payments', 'parameters'],
      ]);
      expect(manifest.secretStores.map((s) => [s.name, s.type])).toEqual([
        ['aws-secrets', 'secretstores.aws.secretmanager'],
        ['parameters', 'secretstores.aws.parameterstore'],
      ]);
      expect(warnings.join('\n')).toContain('secret store "unused-store" is used by no output binding; skipped');
    });

    it('refuses a local secrets file outside the dev stage', () => {
      const { errors } = load(secrets, 'prod');
      expect(errors).toEqual([
        expect.stringContaining(
          'secret store "parameters" (secretstores.local.file): secretstores.local.file is for the dev stage only',
        ),
      ]);
    });

    it('refuses a literal value for a sensitive field outside dev, and allows it in dev', () => {
      const dir = mkdtempSync(join(tmpdir(), 'components-'));
      const text = readFileSync(join(fixtures, 'good', 'checkout.yaml'), 'utf8').replace(
        '  - name: authRequired\n    value: "false"',
        '  - name: authType\n    value: password\n  - name: saslUsername\n    value: u\n  - name: saslPassword\n    value: hunter2',
      );
      writeFileSync(join(dir, 'checkout.yaml'), text);
      expect(load(dir, 'dev').errors).toEqual([]);
      const { errors } = load(dir, 'prod');
      expect(errors).toEqual([
        expect.stringContaining(
          'metadata "saslPassword" is a secret: outside the dev stage use a secretKeyRef or an envRef, not a value',
        ),
      ]);
      expect(errors.join('')).not.toContain('hunter2');
    });

    it('takes a connection URL as a literal outside dev unless it carries a password', () => {
      const dir = mkdtempSync(join(tmpdir(), 'components-'));
      const rabbit = (host: string) =>
        [
          'apiVersion: dapr.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: queue',
          'spec:',
          '  type: bindings.rabbitmq',
          '  version: v1',
          '  metadata:',
          `  - {name: host, value: '${host}'}`,
          '  - {name: queueName, value: orders}',
          '',
        ].join('\n');
      writeFileSync(join(dir, 'queue.yaml'), rabbit('amqp://rabbit.internal:5672'));
      expect(load(dir, 'prod').errors).toEqual([]);
      writeFileSync(join(dir, 'queue.yaml'), rabbit('amqp://app:hunter2@rabbit.internal:5672'));
      const { errors } = load(dir, 'prod');
      expect(errors).toEqual([expect.stringContaining('metadata "host" is a secret: outside the dev stage')]);
      expect(errors.join('')).not.toContain('hunter2');
      expect(load(dir, 'dev').errors).toEqual([]);
    });

    it('refuses a literal key in a secret store outside dev', () => {
      const dir = mkdtempSync(join(tmpdir(), 'components-'));
      writeFileSync(
        join(dir, 'store.yaml'),
        readFileSync(join(secrets, 'stores.yaml'), 'utf8').replace('    value: eu-west-1', '    value: eu-west-1\n  - name: secretKey\n    value: AKIAsecret'),
      );
      writeFileSync(join(dir, 'orders.yaml'), readFileSync(join(secrets, 'orders.yaml'), 'utf8'));
      expect(load(dir, 'staging').errors.join('\n')).toContain('metadata "secretKey" is a secret');
    });
  });

  describe('bad fixtures', () => {
    const files = readdirSync(join(fixtures, 'bad')).filter((f) => f.endsWith('.yaml'));

    it('has one fixture per kind of mistake', () => {
      expect(files.length).toBeGreaterThanOrEqual(14);
    });

    it.each(files)('fails %s with the file, the component and the field named', (file) => {
      const text = readFileSync(join(fixtures, 'bad', file), 'utf8');
      const expected = /^# expect: (.+)$/m.exec(text)![1]!;
      const dir = mkdtempSync(join(tmpdir(), 'components-'));
      copyFileSync(join(fixtures, 'bad', file), join(dir, file));
      const { errors } = loadStage({ dir, stage: 'dev', appId: 'app', catalog: fullCatalog, root: dir });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(file);
      expect(errors[0]).toContain(expected);
    });
  });
});
