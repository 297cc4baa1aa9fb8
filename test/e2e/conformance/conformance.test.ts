import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { portOf } from '../helpers/environment';
import { request } from '../helpers/http';
import { ConformanceBackends } from './backends';
import { AWS_CONFORMANCE_CASES } from './aws-cases';
import { CORE_CONFORMANCE_CASES, type CallResult, type ConformanceCase, type ConformanceStep } from './cases';

const CONFORMANCE_CASES = [...CORE_CONFORMANCE_CASES, ...AWS_CONFORMANCE_CASES];
import { startConformanceStage, type ConformanceStage } from './stage';

jest.setTimeout(120_000);

// One table for every binding type: each row's component is built into a stage of its own and served by
// serverless-offline, and each operation goes through the HTTP API as a Dapr client would send it.
describe('binding conformance through the HTTP API', () => {
  const backends = new ConformanceBackends();
  let stage: ConformanceStage;

  beforeAll(async () => {
    await backends.start();
    stage = await startConformanceStage(CONFORMANCE_CASES.map((row) => row.component(backends)));
  });

  afterAll(async () => {
    await stage?.close();
    await backends.stop();
  });

  const call = async (name: string, body: unknown): Promise<CallResult> =>
    request(`${stage.instance.baseUrl}/v1.0/bindings/${name}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('lists every component in GET /v1.0/metadata with its type', async () => {
    const response = await request(`${stage.instance.baseUrl}/v1.0/metadata`);
    const listed = (JSON.parse(response.text) as { components: Array<{ name: string; type: string }> }).components;
    const expected = CONFORMANCE_CASES.map((row) => row.component(backends)).map(({ name, type }) => ({ name, type }));
    expect(listed.map(({ name, type }) => ({ name, type }))).toEqual(expect.arrayContaining(expected));
    expect(listed).toHaveLength(expected.length);
  });

  it('serves the Dapr JS SDK unchanged: redis set and get, a SQL query, an S3 object', async () => {
    const client = new DaprClient({
      daprHost: '127.0.0.1',
      daprPort: portOf(stage.instance.baseUrl),
      communicationProtocol: CommunicationProtocolEnum.HTTP,
      logger: { level: LogLevel.Error },
    });
    try {
      const key = `conformance-${backends.runId}-sdk`;
      await client.binding.send('conf-redis', 'create', { via: 'sdk' }, { key });
      // The SDK parses a JSON answer: the value comes back as the object written.
      expect(await client.binding.send('conf-redis', 'get', undefined, { key })).toEqual({ via: 'sdk' });
      expect(await client.binding.send('conf-postgresql', 'query', undefined, { sql: 'SELECT 1 AS one' })).toEqual([
        [1],
      ]);
      const s3Key = `sdk/${backends.runId}.txt`; // outside the S3 row's listed prefix
      await client.binding.send('conf-s3', 'create', 'written by the SDK', { key: s3Key });
      expect(await backends.aws.object(s3Key)).toEqual(expect.objectContaining({ body: 'written by the SDK' }));
    } finally {
      await client.stop();
    }
  });

  describe.each(CONFORMANCE_CASES.map((row) => [row.type, row] as [string, ConformanceCase]))('%s', (_type, row) => {
    const name = () => row.component(backends).name;

    it('runs its operations in order: answers, headers and backend state as daprd', async () => {
      const steps: ConformanceStep[] = row.steps(backends);
      for (const step of steps) {
        const result = await call(name(), step.call);
        const seen = { step: step.title, status: result.status, body: result.text };
        expect(seen).toEqual(expect.objectContaining({ step: step.title, status: step.status }));
        if (step.body !== undefined) expect(seen).toEqual({ ...seen, body: step.body });
        for (const [key, expected] of Object.entries(step.headers ?? {})) {
          const header = result.headers.get(`metadata.${key}`);
          expect({ step: step.title, key, header }).toEqual({
            step: step.title,
            key,
            header: typeof expected === 'string' ? expected : expect.stringMatching(expected),
          });
        }
        await step.verify?.(backends, result);
      }
    });

    it('refuses an operation it does not have, with daprd error', async () => {
      const result = await call(name(), { operation: 'no-such-operation', data: 'x' });
      expect(result.status).toBe(500);
      expect(JSON.parse(result.text)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message:
          `error invoking output binding ${name()}: binding ${name()} does not support operation no-such-operation. ` +
          `supported operations:${row.operations.join(' ')}`,
      });
    });
  });
});
