import { handleInvokeEvent } from '../../../src/handlers/invoke';
import { createLogger } from '../../../src/runtime/logger';
import { FakeBackend, fakeComponent, fakeRuntime } from '../../support/fake-binding';

const logger = createLogger({}, 'silent');

describe('handleInvokeEvent', () => {
  let backend: FakeBackend;
  let invoke: (event: unknown) => ReturnType<typeof handleInvokeEvent>;

  beforeEach(() => {
    backend = new FakeBackend();
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    invoke = (event) => handleInvokeEvent(event, runtime, logger, () => 10_000);
  });

  it('re-encodes data as daprd does and answers 204 with metadata', async () => {
    backend.behaviour = async () => ({ metadata: { offset: '7' } });
    const answer = await invoke({ name: 'orders', operation: 'create', data: { b: '<', a: 1 }, metadata: { k: 'v' } });
    expect(answer).toEqual({ statusCode: 204, metadata: { offset: '7' } });
    expect(backend.calls[0]).toMatchObject({ name: 'orders', operation: 'create', metadata: { k: 'v' } });
    expect(backend.calls[0]!.data.toString()).toBe('{"a":1,"b":"\\u003c"}');
  });

  it('returns JSON data parsed, text as text and other bytes as base64', async () => {
    backend.behaviour = async () => ({ data: Buffer.from('{"x":1}') });
    expect(await invoke({ name: 'orders', operation: 'get' })).toEqual({ statusCode: 200, data: { x: 1 } });
    backend.behaviour = async () => ({ data: Buffer.from('plain') });
    expect(await invoke({ name: 'orders', operation: 'get' })).toEqual({ statusCode: 200, data: 'plain' });
    backend.behaviour = async () => ({ data: Buffer.from([0xff]) });
    expect(await invoke({ name: 'orders', operation: 'get' })).toEqual({ statusCode: 200, dataBase64: '/w==' });
  });

  it('answers a batch in order, each with its own outcome', async () => {
    const answers = await invoke([
      { name: 'orders', operation: 'create', data: 1 },
      { name: 'missing', operation: 'create' },
      { name: 'orders', operation: 'create', data: 2 },
    ]);
    expect(answers).toEqual([
      { statusCode: 204 },
      {
        statusCode: 500,
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: "error invoking output binding missing: couldn't find output binding missing",
      },
      { statusCode: 204 },
    ]);
    expect(backend.calls.map((c) => c.data.toString())).toEqual(['1', '2']);
  });

  it.each([
    ['a string', 'hello', 'expected an object {name, operation, data, metadata}'],
    ['null', null, 'expected an object {name, operation, data, metadata}'],
    ['no name', { operation: 'create' }, 'name must be a non-empty string'],
    ['a number name', { name: 5, operation: 'create' }, 'name must be a non-empty string'],
    [
      'a number operation',
      { name: 'orders', operation: 5 },
      'json: cannot unmarshal number into Go struct field OutputBindingRequest.operation of type string',
    ],
    [
      'non-string metadata',
      { name: 'orders', operation: 'create', metadata: { a: 1 } },
      'OutputBindingRequest.metadata of type string',
    ],
  ])('answers %s with 400 and sends nothing', async (_, event, message) => {
    const answer = await invoke(event);
    expect(answer).toMatchObject({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect((answer as { message: string }).message).toContain(message);
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses a number beyond float64 instead of sending Infinity', async () => {
    const answer = await invoke({ name: 'orders', operation: 'create', data: { n: Infinity } });
    expect(answer).toMatchObject({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST' });
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses data over 4 MiB', async () => {
    const answer = await invoke({ name: 'orders', operation: 'create', data: 'x'.repeat(4 << 20) });
    expect(answer).toMatchObject({ statusCode: 400, message: 'failed deserializing invoke event: stream too large' });
  });
});
