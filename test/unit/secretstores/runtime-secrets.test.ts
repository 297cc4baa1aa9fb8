import { ComponentConfigError } from '../../../src/api/errors';
import type { BundledComponent } from '../../../src/components/types';
import type { InvokeRequest } from '../../../src/bindings/driver';
import { FakeBackend, fakeRuntime } from '../../support/fake-binding';
import { FakeSecrets, fakeStore } from '../../support/fake-secret-store';

function call(name: string): InvokeRequest {
  return { name, operation: 'create', data: Buffer.from('null'), metadata: {} };
}

function component(name: string, secretName: string, store = 'vault'): BundledComponent {
  return {
    name,
    type: 'bindings.fake',
    version: 'v1',
    initTimeoutMs: 5_000,
    source: 'test',
    secretStore: store,
    metadata: [
      { name: 'target', value: 'x' },
      { name: 'token', secretKeyRef: { name: secretName, key: secretName } },
    ],
  };
}

describe('BindingsRuntime with secret stores', () => {
  let backend: FakeBackend;
  let secrets: FakeSecrets;

  beforeEach(() => {
    backend = new FakeBackend();
    secrets = new FakeSecrets();
  });

  function runtime(components: BundledComponent[], storeSettings: Record<string, string> = {}) {
    return fakeRuntime(
      backend,
      components,
      {},
      { stores: [fakeStore('vault', storeSettings)], catalog: secrets.catalog() },
    );
  }

  it('reads every secret once at warm-up, in parallel, and serves calls from the cache', async () => {
    secrets.values.set('a', 'value-a');
    secrets.values.set('b', 'value-b');
    const rt = runtime([component('one', 'a'), component('two', 'b')]);
    await rt.warmUp();
    expect(secrets.reads).toBe(2);
    await rt.invokeBinding(call('one'));
    await rt.invokeBinding(call('two'));
    await rt.invokeBinding(call('one'));
    expect(secrets.reads).toBe(2);
    expect(backend.created).toBe(2);
  });

  it('keeps secret values out of the metadata answer', async () => {
    secrets.values.set('a', 'hunter2');
    const rt = runtime([component('one', 'a')]);
    await rt.invokeBinding(call('one'));
    expect(JSON.stringify(rt.metadata())).not.toContain('hunter2');
  });

  it('fails only the binding whose secret is missing, naming the store and the secret', async () => {
    secrets.values.set('present', 'fine');
    const rt = runtime([component('broken', 'missing'), component('works', 'present')]);
    const error = await rt.invokeBinding(call('broken')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentConfigError);
    expect((error as Error).message).toBe(
      'error invoking output binding broken: secret "missing" (key "missing") from secret store "vault" could not be read: no such secret',
    );
    await expect(rt.invokeBinding(call('works'))).resolves.toEqual({});
  });

  it('never puts a secret value in an error', async () => {
    secrets.values.set('s', 'hunter2');
    const rt = runtime([
      { ...component('c', 's'), metadata: [{ name: 'token', secretKeyRef: { name: 's', key: 's' } }] },
    ]);
    const error = await rt.invokeBinding(call('c')).catch((e: unknown) => e);
    expect((error as Error).message).toContain('metadata "target" is required');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('retries a failed read on the next call instead of caching the failure', async () => {
    secrets.failWith = new Error('endpoint unreachable');
    const rt = runtime([component('c', 's')]);
    await expect(rt.invokeBinding(call('c'))).rejects.toThrow(
      'secret "s" (key "s") from secret store "vault" could not be read: endpoint unreachable',
    );
    secrets.failWith = undefined;
    secrets.values.set('s', 'ok');
    await expect(rt.invokeBinding(call('c'))).resolves.toEqual({});
  });

  it('picks up a rotated secret after the refresh interval and rebuilds the driver with it', async () => {
    secrets.values.set('s', 'old');
    const rt = runtime([component('c', 's')], { refreshInterval: '50ms' });
    await rt.invokeBinding(call('c'));
    secrets.values.set('s', 'new');
    await rt.invokeBinding(call('c'));
    expect(backend.created).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await rt.invokeBinding(call('c'));
    expect(backend.created).toBe(2);
    expect(secrets.reads).toBe(2);
  });

  it('keeps the driver when a refreshed secret did not change', async () => {
    secrets.values.set('s', 'same');
    const rt = runtime([component('c', 's')], { refreshInterval: '20ms' });
    await rt.invokeBinding(call('c'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await rt.invokeBinding(call('c'));
    expect(secrets.reads).toBe(2);
    expect(backend.created).toBe(1);
  });

  it('bounds a secret read by the store timeout', async () => {
    secrets.hang = true;
    const rt = runtime([component('c', 's')], { timeout: '30ms' });
    await expect(rt.invokeBinding(call('c'))).rejects.toThrow(
      'secret "s" (key "s") from secret store "vault" could not be read: no answer within 30ms',
    );
  });
});
