import type { BindingCatalog } from '../../src/bindings/catalog';
import type { Driver, InvokeRequest, InvokeResponse } from '../../src/bindings/driver';
import { defineDriverModule } from '../../src/bindings/module';
import { defineBinding, field } from '../../src/bindings/spec';
import type { BundledComponent, BundledSecretStore, BundleManifest } from '../../src/components/types';
import type { SecretStoreCatalog } from '../../src/secretstores/registry';
import { BindingsRuntime } from '../../src/runtime/bindings-runtime';
import { createLogger } from '../../src/runtime/logger';

/** A binding type for unit tests only: records calls and answers with what the test scripts. */
export const fakeSpec = defineBinding({
  type: 'bindings.fake',
  aliases: ['bindings.fake-alias'],
  versions: ['v1'],
  description: 'unit-test double',
  differences: [],
  metadata: {
    target: field.string({ description: 'where', required: true }),
    token: field.string({ description: 'a secret', sensitive: true }),
    timeout: field.duration({ description: 'bound', default: 5_000 }),
  },
  operations: { create: { description: 'c' }, get: { description: 'g' } },
  operationTimeoutMs: (config) => config.timeout,
});

/** What the fake driver does on each call; tests replace it. */
export type FakeBehaviour = (request: InvokeRequest) => Promise<InvokeResponse | void>;

/** Shared state of the fake: created drivers, calls, and the scripted behaviour. */
export class FakeBackend {
  calls: InvokeRequest[] = [];
  created = 0;
  closed = 0;
  createDelayMs = 0;
  failCreate: Error | undefined;
  behaviour: FakeBehaviour = async () => undefined;

  catalog(): BindingCatalog {
    const module = defineDriverModule(fakeSpec, async () => {
      this.created += 1;
      if (this.createDelayMs > 0) await new Promise((r) => setTimeout(r, this.createDelayMs));
      if (this.failCreate) throw this.failCreate;
      const driver: Driver<'create' | 'get'> = {
        operations: {
          create: (request) => this.record(request),
          get: (request) => this.record(request),
        },
        close: async () => {
          this.closed += 1;
        },
      };
      return driver;
    });
    return { 'bindings.fake': { spec: fakeSpec, load: async () => module } };
  }

  private record(request: InvokeRequest): Promise<InvokeResponse | void> {
    this.calls.push(request);
    return this.behaviour(request);
  }
}

/** A bundled component of the fake type. */
export function fakeComponent(
  name: string,
  metadata: BundledComponent['metadata'] = [{ name: 'target', value: 'x' }],
): BundledComponent {
  return { name, type: 'bindings.fake', version: 'v1', initTimeoutMs: 5_000, metadata, source: 'test' };
}

/** A runtime over the fake backend with the given components (and secret stores), logging nothing. */
export function fakeRuntime(
  backend: FakeBackend,
  components: BundledComponent[],
  env: NodeJS.ProcessEnv = {},
  secrets?: { stores: BundledSecretStore[]; catalog: SecretStoreCatalog },
): BindingsRuntime {
  const manifest: BundleManifest = {
    appId: 'test-app',
    stage: 'test',
    components,
    secretStores: secrets?.stores ?? [],
  };
  return new BindingsRuntime({
    manifest,
    catalog: backend.catalog(),
    secretStoreCatalog: secrets?.catalog,
    env,
    logger: createLogger({}, 'silent'),
    marginMs: 100,
  });
}
