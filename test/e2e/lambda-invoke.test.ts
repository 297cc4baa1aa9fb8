import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { FUNCTION_NAME } from '../support/offline';
import { lambdaEndpoint } from './helpers/environment';
import { useSampleTap } from './helpers/sample-tap';

jest.setTimeout(60_000);

const tap = useSampleTap();
let lambda: LambdaClient | undefined;

beforeAll(() => {
  lambda = new LambdaClient({
    endpoint: lambdaEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(() => {
  lambda?.destroy();
});

interface Answer {
  statusCode: number;
  data?: unknown;
  metadata?: Record<string, string>;
  errorCode?: string;
  message?: string;
}

/** Invokes the function directly and returns its parsed answer; a FunctionError fails the test. */
async function invoke(event: unknown): Promise<unknown> {
  const output = await lambda!.send(
    new InvokeCommand({ FunctionName: FUNCTION_NAME, Payload: Buffer.from(JSON.stringify(event)) }),
  );
  const text = Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8');
  expect({ StatusCode: output.StatusCode, FunctionError: output.FunctionError }).toEqual({
    StatusCode: 200,
    FunctionError: undefined,
  });
  return JSON.parse(text);
}

const offsetMetadata = { partition: expect.stringMatching(/^\d+$/), offset: expect.stringMatching(/^\d+$/) };

describe('direct Lambda invoke (@aws-sdk/client-lambda InvokeCommand)', () => {
  it('answers a single event with {statusCode: 204, metadata: {partition, offset}} and the record arrives there', async () => {
    const orderId = randomUUID();
    const answer = (await invoke({ name: 'checkout', operation: 'create', data: { orderId } })) as Answer;
    expect(answer).toEqual({ statusCode: 204, metadata: offsetMetadata });
    const record = await tap().waitForValue(`{"orderId":"${orderId}"}`);
    expect({ partition: String(record.partition), offset: record.offset }).toEqual(answer.metadata);
  });

  it('applies the same encoding and metadata rules as HTTP', async () => {
    const marker = randomUUID();
    const answer = (await invoke({
      name: 'checkout',
      operation: 'create',
      data: { b: 1, a: '<x&y>' },
      metadata: { partitionKey: 'invoke-key', marker },
    })) as Answer;
    expect(answer.statusCode).toBe(204);
    const record = await tap().waitForHeader('marker', marker);
    expect(record.value!.toString('utf8')).toBe('{"a":"\\u003cx\\u0026y\\u003e","b":1}');
    expect(record.key!.toString('utf8')).toBe('invoke-key');
    expect(record.headers).toEqual({ partitionKey: 'invoke-key', marker });
  });

  it('answers an array of 3 events in order, the bad one with its own error and the others succeeding', async () => {
    const first = randomUUID();
    const third = randomUUID();
    const answers = (await invoke([
      { name: 'checkout', operation: 'create', data: { orderId: first } },
      { name: 'nope', operation: 'create', data: { orderId: 'never' } },
      { name: 'checkout', operation: 'create', data: { orderId: third } },
    ])) as Answer[];
    expect(answers).toEqual([
      { statusCode: 204, metadata: offsetMetadata },
      {
        statusCode: 500,
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: "error invoking output binding nope: couldn't find output binding nope",
      },
      { statusCode: 204, metadata: offsetMetadata },
    ]);
    const firstRecord = await tap().waitForValue(`{"orderId":"${first}"}`);
    const thirdRecord = await tap().waitForValue(`{"orderId":"${third}"}`);
    expect(firstRecord.offset).toBe(answers[0]!.metadata!.offset);
    expect(thirdRecord.offset).toBe(answers[2]!.metadata!.offset);
    // Answered one after another: the third record lands after the first on the same partition.
    expect(thirdRecord.partition).toBe(firstRecord.partition);
    expect(BigInt(thirdRecord.offset)).toBeGreaterThan(BigInt(firstRecord.offset));
  });

  it('answers an event that is a string with statusCode 400, not a FunctionError', async () => {
    const answer = (await invoke('hello')) as Answer;
    expect(answer).toMatchObject({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect(typeof answer.message).toBe('string');
  });

  it('answers an event without a name with statusCode 400, not a FunctionError', async () => {
    const answer = (await invoke({ operation: 'create', data: { orderId: 'x' } })) as Answer;
    expect(answer).toMatchObject({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect(answer.message).toMatch(/name/);
  });

  it('answers an event whose operation is a number with statusCode 400', async () => {
    const answer = (await invoke({ name: 'checkout', operation: 7 })) as Answer;
    expect(answer).toMatchObject({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect(answer.message).toMatch(/OutputBindingRequest\.operation of type string/);
  });

  it("answers an unsupported operation with statusCode 500 and daprd's message", async () => {
    const answer = (await invoke({ name: 'checkout', operation: 'get' })) as Answer;
    expect(answer).toEqual({
      statusCode: 500,
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message:
        'error invoking output binding checkout: binding checkout does not support operation get. supported operations:create',
    });
  });
});
