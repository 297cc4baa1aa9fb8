import {
  BindingNotFoundError,
  ComponentConfigError,
  DeadlineExceededError,
  DriverFailureError,
  InvalidRequestMetadataError,
  MissingOperationError,
  UnsupportedOperationError,
} from '../../../src/api/errors';
import type { InvokeRequest } from '../../../src/bindings/driver';
import { FakeBackend, fakeComponent, fakeRuntime } from '../../support/fake-binding';

function call(name: string, operation: string): InvokeRequest {
  return { name, operation, data: Buffer.from('null'), metadata: {} };
}

describe('BindingsRuntime.invokeBinding', () => {
  let backend: FakeBackend;

  beforeEach(() => {
    backend = new FakeBackend();
  });

  it('reports a missing operation before looking the binding up, as daprd', async () => {
    const runtime = fakeRuntime(backend, []);
    await expect(runtime.invokeBinding(call('nope', ''))).rejects.toThrow(new MissingOperationError('nope').message);
    expect(new MissingOperationError('x').message).toBe(
      'error invoking output binding x: operation field is missing from request',
    );
  });

  it("answers an unknown name with daprd's couldn't find output binding", async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    const error = await runtime.invokeBinding(call('nope', 'create')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BindingNotFoundError);
    expect((error as Error).message).toBe("error invoking output binding nope: couldn't find output binding nope");
    expect(error).toMatchObject({ status: 500, code: 'ERR_INVOKE_OUTPUT_BINDING' });
  });

  it('matches operations exactly and lists the supported ones without a space after the colon', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    const error = await runtime.invokeBinding(call('orders', 'Create')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toBe(
      'error invoking output binding orders: binding orders does not support operation Create. supported operations:create get',
    );
    expect(backend.created).toBe(0);
  });

  it('creates one driver for concurrent first calls and reuses it afterwards', async () => {
    backend.createDelayMs = 50;
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    await Promise.all([1, 2, 3, 4, 5].map(() => runtime.invokeBinding(call('orders', 'create'))));
    await runtime.invokeBinding(call('orders', 'get'));
    expect(backend.created).toBe(1);
    expect(backend.calls).toHaveLength(6);
  });

  it('wraps a backend failure in ERR_INVOKE_OUTPUT_BINDING and rebuilds the driver on the next call', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    backend.behaviour = async () => {
      throw new Error('connection reset');
    };
    const error = await runtime.invokeBinding(call('orders', 'create')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverFailureError);
    expect((error as Error).message).toBe('error invoking output binding orders: connection reset');
    backend.behaviour = async () => undefined;
    await runtime.invokeBinding(call('orders', 'create'));
    expect(backend.created).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(backend.closed).toBe(1);
  });

  it('keeps the driver after a request-level error such as bad metadata', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    backend.behaviour = async (request) => {
      throw new InvalidRequestMetadataError(request.name, 'bad key');
    };
    await expect(runtime.invokeBinding(call('orders', 'create'))).rejects.toThrow(
      'error invoking output binding orders: bad key',
    );
    await expect(runtime.invokeBinding(call('orders', 'create'))).rejects.toThrow('bad key');
    expect(backend.created).toBe(1);
  });

  it('retries a failed creation on the next call', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    backend.failCreate = new Error('ECONNREFUSED');
    await expect(runtime.invokeBinding(call('orders', 'create'))).rejects.toThrow(
      'error invoking output binding orders: ECONNREFUSED',
    );
    backend.failCreate = undefined;
    await runtime.invokeBinding(call('orders', 'create'));
    expect(backend.created).toBe(2);
  });

  it('gives a deadline error before the invocation runs out and evicts the driver', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('orders')]);
    backend.behaviour = () => new Promise(() => undefined);
    const started = Date.now();
    // 300 ms left minus the 100 ms margin leaves 200 ms for the call.
    const error = await runtime.invokeBinding(call('orders', 'create'), 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as Error).message).toBe(
      'error invoking output binding orders: deadline of 200ms exceeded; the outcome of the operation is unknown',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    backend.behaviour = async () => undefined;
    await runtime.invokeBinding(call('orders', 'create'));
    expect(backend.created).toBe(2);
  });

  it("bounds a call by the component's own timeout when the invocation has more time", async () => {
    const runtime = fakeRuntime(backend, [
      fakeComponent('orders', [
        { name: 'target', value: 'x' },
        { name: 'timeout', value: '50ms' },
      ]),
    ]);
    backend.behaviour = () => new Promise(() => undefined);
    await expect(runtime.invokeBinding(call('orders', 'create'), 60_000)).rejects.toThrow('deadline of 50ms exceeded');
  });

  it('fails only the misconfigured component, naming the field but never a sensitive value', async () => {
    const runtime = fakeRuntime(
      backend,
      [
        fakeComponent('broken', [
          { name: 'target', value: 'x' },
          { name: 'timeout', envRef: 'BAD_TIMEOUT' },
        ]),
        fakeComponent('fine'),
      ],
      { BAD_TIMEOUT: 'soon' },
    );
    const error = await runtime.invokeBinding(call('broken', 'create')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentConfigError);
    expect((error as Error).message).toContain('metadata "timeout": "soon" is not a duration');
    await runtime.invokeBinding(call('fine', 'create'));
    expect(backend.created).toBe(1);
  });

  it('resolves envRef at first use and refuses DAPR_ names', async () => {
    const runtime = fakeRuntime(
      backend,
      [
        fakeComponent('from-env', [{ name: 'target', envRef: 'TARGET' }]),
        fakeComponent('reserved', [{ name: 'target', envRef: 'DAPR_API_TOKEN' }]),
      ],
      { TARGET: 'somewhere', DAPR_API_TOKEN: 'x' },
    );
    await runtime.invokeBinding(call('from-env', 'create'));
    await expect(runtime.invokeBinding(call('reserved', 'create'))).rejects.toThrow(
      'names starting with DAPR_ are reserved',
    );
  });

  it('does not reveal a sensitive value in a configuration error', async () => {
    const runtime = fakeRuntime(backend, [
      fakeComponent('c', [
        { name: 'token', value: 'hunter2' },
        { name: 'token', value: 'again' },
      ]),
    ]);
    const error = await runtime.invokeBinding(call('c', 'create')).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message).toContain('metadata "target" is required');
  });

  it('closes every pooled driver on close()', async () => {
    const runtime = fakeRuntime(backend, [fakeComponent('a'), fakeComponent('b')]);
    await runtime.invokeBinding(call('a', 'create'));
    await runtime.invokeBinding(call('b', 'create'));
    await runtime.close();
    expect(backend.closed).toBe(2);
  });
});
