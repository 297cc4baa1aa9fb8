import { ComponentConfigError } from '../api/errors';
import { findBindingType } from '../bindings/catalog';
import { checkComponentProperties } from '../bindings/module';
import { resolveProperties, type TemplateContext } from '../components/resolve';
import type { BundledComponent, BundledSecretStore } from '../components/types';
import { DriverPool } from '../pool/driver-pool';
import { withDeadline } from '../runtime/deadline';
import { describeError, type Logger } from '../runtime/logger';
import type { SecretStoreCatalog } from './registry';
import { SecretNotFoundError, type SecretStore, type StoreTiming } from './spec';

interface CachedSecret {
  value: Promise<Record<string, string>>;
  fetchedAt: number;
}

interface PreparedStore {
  create: () => Promise<SecretStore>;
  timing: StoreTiming;
}

/** What a component's `secretKeyRef`s resolved to: field name → value. Kept in memory only. */
export type SecretValues = Record<string, string>;

/**
 * Reads the secrets that bindings reference: stores created once per sandbox, each secret read once
 * (all of a component's in parallel, each within the store's timeout) and cached, re-read after the
 * store's `refreshInterval`. A failed read is not cached, so the next call tries again.
 */
export class SecretResolver {
  private readonly stores = new Map<string, BundledSecretStore>();
  private readonly prepared = new Map<string, PreparedStore>();
  private readonly clients: DriverPool<SecretStore>;
  private readonly cache = new Map<string, CachedSecret>();

  constructor(
    stores: readonly BundledSecretStore[],
    private readonly catalog: SecretStoreCatalog,
    private readonly env: NodeJS.ProcessEnv,
    private readonly templates: TemplateContext,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    for (const store of stores) this.stores.set(store.name, store);
    this.clients = new DriverPool<SecretStore>(logger, now);
  }

  /** Whether a component reads any secret. */
  static needsSecrets(component: BundledComponent): boolean {
    return component.metadata.some((item) => item.secretKeyRef !== undefined && !item.value);
  }

  /** The component's secret values; throws a 500 that names the store and the secret, never a value. */
  async resolve(component: BundledComponent): Promise<SecretValues> {
    const refs = component.metadata.filter((item) => item.secretKeyRef !== undefined && !item.value);
    const storeName = component.secretStore ?? '';
    const entries = await Promise.all(
      refs.map(async (item) => {
        const ref = item.secretKeyRef!;
        const where = `secret "${ref.name}" (key "${ref.key}") from secret store "${storeName}"`;
        let secret: Record<string, string>;
        try {
          secret = await this.read(storeName, ref.name);
        } catch (error) {
          this.logger.error('reading a secret failed', {
            component: component.name,
            store: storeName,
            secret: ref.name,
            ...describeError(error),
          });
          throw new ComponentConfigError(component.name, `${where} could not be read: ${(error as Error).message}`, {
            cause: error,
          });
        }
        const value = secret[ref.key];
        if (value === undefined) throw new ComponentConfigError(component.name, `${where} has no such key`);
        return [item.name, value] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** Closes the stores' clients (SIGTERM, tests). */
  close(): Promise<void> {
    return this.clients.closeAll();
  }

  private async read(storeName: string, secretName: string): Promise<Record<string, string>> {
    const store = this.prepare(storeName);
    const key = `${storeName}\u0000${secretName}`;
    const cached = this.cache.get(key);
    const fresh =
      store.timing.refreshInterval <= 0 || this.now() - (cached?.fetchedAt ?? 0) < store.timing.refreshInterval;
    if (cached && fresh) return cached.value;
    const entry: CachedSecret = { value: this.fetch(storeName, store, secretName), fetchedAt: this.now() };
    this.cache.set(key, entry);
    entry.value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return entry.value;
  }

  private async fetch(storeName: string, store: PreparedStore, secretName: string): Promise<Record<string, string>> {
    const timeout = () => new Error(`no answer within ${store.timing.timeout}ms`);
    const client = this.clients.acquire(storeName, { create: store.create });
    try {
      return await withDeadline(store.timing.timeout, timeout, async (signal) =>
        (await client).get(secretName, signal),
      );
    } catch (error) {
      if (!(error instanceof SecretNotFoundError)) this.clients.evict(storeName, client);
      throw error;
    }
  }

  private prepare(storeName: string): PreparedStore {
    const known = this.prepared.get(storeName);
    if (known) return known;
    const store = this.stores.get(storeName);
    if (!store) throw new Error('the secret store is not in this bundle');
    const entry = findBindingType(this.catalog, store.type);
    if (!entry) throw new Error(`secret store type ${store.type} is not in this bundle`);
    const properties = resolveProperties(store, this.env, this.templates);
    const { config, errors } = checkComponentProperties(entry.spec, properties);
    if (errors.length > 0) throw new Error(`invalid secret store configuration: ${errors.join('; ')}`);
    const logger = this.logger.child({ secretStore: storeName });
    const prepared: PreparedStore = {
      timing: config as StoreTiming,
      create: async () => (await entry.load()).create(config, { name: storeName, logger }),
    };
    this.prepared.set(storeName, prepared);
    return prepared;
  }
}
