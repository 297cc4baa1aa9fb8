import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundledComponent, BundledSecretStore } from '../../../src/components/types';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { motoStoreMetadata, putParameter, putSecret } from '../../support/aws';
import { readRecords, uniqueTopic } from '../../support/kafka';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { recordingLogger } from '../../support/recording-logger';

jest.setTimeout(120_000);

/** The SASL listener and its user, written by `npm run services:up`. */
function sasl() {
  const brokers = process.env.KAFKA_SASL_BROKERS;
  const username = process.env.KAFKA_SASL_USERNAME;
  const password = process.env.KAFKA_SASL_PASSWORD;
  if (!brokers || !username || !password) throw new Error('KAFKA_SASL_* are not set: run `npm run services:up`');
  return { brokers, username, password };
}

function store(name: string, type: string, metadata: Record<string, string>): BundledSecretStore {
  const items = Object.entries(metadata).map(([key, value]) => ({ name: key, value }));
  return { name, type, version: 'v1', metadata: items, source: 'test' };
}

/** A Kafka binding on the SASL listener whose password comes from `secretName` in `storeName`. */
function saslBinding(
  name: string,
  topic: string,
  storeName: string,
  secretName: string,
  mechanism: string,
): BundledComponent {
  const { brokers, username } = sasl();
  const values = {
    brokers,
    publishTopic: topic,
    authType: 'password',
    saslUsername: username,
    saslMechanism: mechanism,
    disableTls: 'true',
    dialTimeout: '3s',
  };
  return {
    name,
    type: 'bindings.kafka',
    version: 'v1',
    initTimeoutMs: 10_000,
    source: 'test',
    secretStore: storeName,
    metadata: [
      ...Object.entries(values).map(([key, value]) => ({ name: key, value })),
      { name: 'saslPassword', secretKeyRef: { name: secretName, key: secretName } },
    ],
  };
}

const MECHANISMS = ['PLAIN', 'SHA-256', 'SHA-512'];

describe('Kafka SASL with the password from a secret store', () => {
  const run = randomUUID().slice(0, 8);
  const secretName = `kafka-password-${run}`;
  const envName = `KAFKA_PASSWORD_${run.toUpperCase()}`;
  const lines: string[] = [];
  let runtime: BindingsRuntime;
  const topic = uniqueTopic('sasl');

  beforeAll(async () => {
    const { password } = sasl();
    await putSecret(secretName, password);
    await putParameter(`/dapr/test/${secretName}`, password);
    process.env[`SECRET_${envName}`] = password;
    const file = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(file, JSON.stringify({ kafka: { [secretName]: password } }));
    const stores = [
      store('aws-secrets', 'secretstores.aws.secretmanager', motoStoreMetadata()),
      store('parameters', 'secretstores.aws.parameterstore', { ...motoStoreMetadata(), prefix: '/dapr/test/' }),
      store('environment', 'secretstores.local.env', { prefix: 'SECRET_' }),
      store('file', 'secretstores.local.file', { secretsFile: file }),
    ];
    const bindings = MECHANISMS.flatMap((mechanism) => [
      saslBinding(`sm-${mechanism}`, topic, 'aws-secrets', secretName, mechanism),
      saslBinding(`ssm-${mechanism}`, topic, 'parameters', secretName, mechanism),
      saslBinding(`env-${mechanism}`, topic, 'environment', envName, mechanism),
      saslBinding(`file-${mechanism}`, topic, 'file', `kafka:${secretName}`, mechanism),
    ]);
    runtime = realRuntime(bindings, { secretStores: stores, logger: recordingLogger(lines) });
    await runtime.warmUp();
  });

  afterAll(() => runtime?.close());

  it.each(MECHANISMS.flatMap((m) => ['sm', 'ssm', 'env', 'file'].map((kind) => [`${kind}-${m}`])))(
    'produces through %s',
    async (name) => {
      const response = await post(runtime, name, { operation: 'create', data: name });
      expect(response.status).toBe(204);
    },
  );

  it('delivered every record', async () => {
    const values = (await readRecords(topic, 12)).map((r) => JSON.parse(r.value!.toString()) as string);
    expect(values.sort()).toEqual(
      MECHANISMS.flatMap((m) => ['sm', 'ssm', 'env', 'file'].map((k) => `${k}-${m}`)).sort(),
    );
  });

  it('never writes the password to a log line', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(sasl().password);
  });
});

describe('Kafka SASL secret failures', () => {
  const run = randomUUID().slice(0, 8);
  const lines: string[] = [];
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    await putSecret(`wrong-${run}`, 'not-the-password');
    await putSecret(`rotating-${run}`, 'not-the-password-yet');
    const stores = [
      store('aws-secrets', 'secretstores.aws.secretmanager', { ...motoStoreMetadata(), refreshInterval: '1s' }),
    ];
    runtime = realRuntime(
      [
        saslBinding('wrong', uniqueTopic('wrong'), 'aws-secrets', `wrong-${run}`, 'SHA-256'),
        saslBinding('missing', uniqueTopic('missing'), 'aws-secrets', `missing-${run}`, 'PLAIN'),
        saslBinding('rotating', uniqueTopic('rotating'), 'aws-secrets', `rotating-${run}`, 'SHA-512'),
      ],
      { secretStores: stores, logger: recordingLogger(lines) },
    );
  });

  afterAll(() => runtime?.close());

  it('answers a wrong password with a clear Dapr error, not a hang', async () => {
    const response = await post(runtime, 'wrong', { operation: 'create', data: 1 }, 20_000);
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(/^error invoking output binding wrong: .*(SASL|[Aa]uthentication)/);
    expect(errorOf(response).message).not.toContain('not-the-password');
  });

  it('names the store and the secret when the secret does not exist', async () => {
    const response = await post(runtime, 'missing', { operation: 'create', data: 1 });
    expect(response.status).toBe(500);
    expect(errorOf(response)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding missing: secret "missing-${run}" (key "missing-${run}") from secret store "aws-secrets" could not be read: no such secret`,
    });
  });

  it('picks up a secret rotated in the store after the refresh interval, without a redeploy', async () => {
    expect((await post(runtime, 'rotating', { operation: 'create', data: 1 }, 20_000)).status).toBe(500);
    await putSecret(`rotating-${run}`, sasl().password);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await post(runtime, 'rotating', { operation: 'create', data: 2 }, 20_000);
    expect({ status: after.status, body: after.body.toString() }).toEqual({ status: 204, body: '' });
  });

  it('keeps secret values out of the logs', () => {
    const logged = lines.join('\n');
    expect(logged).not.toContain('not-the-password');
    expect(logged).not.toContain(sasl().password);
  });
});
