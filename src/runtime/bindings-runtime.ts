import { createHash } from 'node:crypto';
import {
  BindingNotFoundError,
  ComponentConfigError,
  DeadlineExceededError,
  DriverFailureError,
  InvokeBindingError,
  MissingOperationError,
  UnsupportedOperationError,
} from '../api/errors';
import { findBindingType, type BindingCatalog, type CatalogEntry } from '../bindings/catalog';
import type { Driver, InvokeRequest, InvokeResponse } from '../bindings/driver';
import { checkComponentProperties } from '../bindings/module';
import { resolveProperties } from '../components/resolve';
import type { BundledComponent, BundleManifest } from '../components/types';
import { DriverPool, type DriverRecipe } from '../pool/driver-pool';
import type { SecretStoreCatalog } from '../secretstores/registry';
import { SecretResolver, type SecretValues } from '../secretstores/resolver';
import { callTimeoutMs, DEFAULT_DEADLINE_MARGIN_MS, withDeadline } from './deadline';
import { createLogger, describeError, type Logger } from './logger';

/** What a runtime is built from: the bundled manifest, the binding types, and the environment. */
export interface RuntimeOptions {
  manifest: BundleManifest;
  catalog: BindingCatalog;
  /** The secret store types the manifest's stores use (default: none). */
  secretStoreCatalog?: SecretStoreCatalog;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Time kept back from the invocation's remaining time (default 500 ms, env `DEADLINE_MARGIN_MS`). */
  marginMs?: number;
}

/** One component ready to serve: its timeout, driver recipe and logger, and which secret values built it. */
interface Prepared {
  timeoutMs: number;
  recipe: DriverRecipe;
  logger: Logger;
  secretsDigest?: string;
}

/** The `GET /v1.0/metadata` answer, in daprd's shape. */
export interface MetadataDocument {
  id: string;
  runtimeVersion: string;
  enabledFeatures: string[];
  components: Array<{ name: string; type: string; version: string; capabilities: string[] }>;
  extended: Record<string, string>;
}

/** The process-wide version string shown in the metadata answer. */
export const RUNTIME_VERSION = 'dapr-lambda-bindings/0.1.0';

/** Serves `invokeBinding` for every transport: lookup, checks, pooled driver, deadline, error mapping. */
export class BindingsRuntime {
  private readonly components: Map<string, BundledComponent>;
  private readonly prepared = new Map<string, Prepared | ComponentConfigError>();
  private readonly operations = new Map<string, readonly string[]>();
  private readonly pool: DriverPool;
  private readonly secrets: SecretResolver;
  private readonly logger: Logger;
  private readonly env: NodeJS.ProcessEnv;
  private readonly marginMs: number;

  constructor(private readonly options: RuntimeOptions) {
    this.env = options.env ?? process.env;
    this.logger = options.logger ?? createLogger();
    this.pool = new DriverPool(this.logger);
    this.components = new Map(options.manifest.components.map((c) => [c.name, c]));
    this.secrets = new SecretResolver(
      options.manifest.secretStores,
      options.secretStoreCatalog ?? {},
      this.env,
      this.templateContext(),
      this.logger,
    );
    const margin = Number(this.env.DEADLINE_MARGIN_MS);
    this.marginMs = options.marginMs ?? (Number.isFinite(margin) && margin >= 0 ? margin : DEFAULT_DEADLINE_MARGIN_MS);
  }

  /** The app ID this function serves, as the metadata answer reports it. */
  get appId(): string {
    return this.options.manifest.appId;
  }

  /** Invokes one operation; `remainingMs` is the invocation's remaining time, when there is one. */
  async invokeBinding(request: InvokeRequest, remainingMs?: number): Promise<InvokeResponse> {
    const { name, operation } = request;
    // daprd checks the operation before it looks the binding up (processor/binding/send.go).
    if (operation === '') throw new MissingOperationError(name);
    const component = this.components.get(name);
    if (!component) throw new BindingNotFoundError(name);
    const operations = this.operationsOf(component);
    if (!operations.includes(operation)) throw new UnsupportedOperationError(name, operation, operations);
    const prepared = await this.prepare(component);

    const timeoutMs = callTimeoutMs(prepared.timeoutMs, remainingMs, this.marginMs);
    const driverPromise = this.pool.acquire(name, prepared.recipe);
    try {
      const result = await withDeadline(
        timeoutMs,
        () => new DeadlineExceededError(name, timeoutMs),
        async (signal) => {
          const driver = await driverPromise;
          return driver.operations[operation]!(request, { signal, logger: prepared.logger });
        },
      );
      return result ?? {};
    } catch (error) {
      // Request-level errors (bad metadata, too large) leave the driver sound; a timed-out or failed
      // backend call leaves the connection in doubt, so the next call rebuilds it.
      const requestLevel = error instanceof InvokeBindingError && !(error instanceof DeadlineExceededError);
      if (!requestLevel) this.pool.evict(name, driverPromise);
      if (error instanceof InvokeBindingError) throw error;
      throw new DriverFailureError(name, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  /** The `GET /v1.0/metadata` document: app ID and the output bindings this function serves. */
  metadata(): MetadataDocument {
    return {
      id: this.appId,
      runtimeVersion: RUNTIME_VERSION,
      enabledFeatures: [],
      components: [...this.components.values()].map((c) => ({
        name: c.name,
        type: c.type,
        version: c.version,
        capabilities: ['OUTPUT_BINDING'],
      })),
      extended: { stage: this.options.manifest.stage },
    };
  }

  /** Reads every component's secrets in parallel, at cold start; failures are logged and retried on use. */
  warmUp(): Promise<void> {
    const reads = [...this.components.values()]
      .filter(SecretResolver.needsSecrets)
      .map((component) => this.secrets.resolve(component).catch(() => undefined));
    return Promise.all(reads).then(() => undefined);
  }

  /** Closes every pooled driver and secret store client (SIGTERM, tests). */
  async close(): Promise<void> {
    await Promise.all([this.pool.closeAll(), this.secrets.close()]);
  }

  private templateContext() {
    return { appId: this.options.manifest.appId, namespace: this.env.NAMESPACE };
  }

  private entryOf(component: BundledComponent): CatalogEntry {
    const entry = findBindingType(this.options.catalog, component.type);
    if (!entry) throw new ComponentConfigError(component.name, `binding type ${component.type} is not in this bundle`);
    return entry;
  }

  private operationsOf(component: BundledComponent): readonly string[] {
    let operations = this.operations.get(component.type);
    if (!operations) {
      operations = Object.keys(this.entryOf(component).spec.operations);
      this.operations.set(component.type, operations);
    }
    return operations;
  }

  /**
   * Resolves and decodes a component once per sandbox; a bad configuration fails only its own calls.
   * A component with secrets is decoded again when a refreshed secret changed, and its driver rebuilt.
   */
  private async prepare(component: BundledComponent): Promise<Prepared> {
    const cached = this.prepared.get(component.name);
    if (!SecretResolver.needsSecrets(component)) {
      if (cached instanceof ComponentConfigError) throw cached;
      if (cached) return cached;
      const result = this.decodeOrError(component, {});
      this.prepared.set(component.name, result);
      if (result instanceof ComponentConfigError) throw result;
      return result;
    }
    const secrets = await this.secrets.resolve(component);
    const digest = createHash('sha256').update(JSON.stringify(secrets)).digest('base64');
    if (cached && !(cached instanceof ComponentConfigError) && cached.secretsDigest === digest) return cached;
    if (cached) {
      this.logger.info('secrets changed; rebuilding the driver', { component: component.name });
      this.pool.evict(component.name);
    }
    // Not cached when it fails: the error may come from a secret value that a refresh will fix.
    const result = this.decodeOrError(component, secrets);
    if (result instanceof ComponentConfigError) throw result;
    result.secretsDigest = digest;
    this.prepared.set(component.name, result);
    return result;
  }

  private decodeOrError(component: BundledComponent, secrets: SecretValues): Prepared | ComponentConfigError {
    try {
      return this.decode(component, secrets);
    } catch (error) {
      this.logger.error('component configuration is invalid', { component: component.name, ...describeError(error) });
      return new ComponentConfigError(component.name, `invalid component configuration: ${(error as Error).message}`);
    }
  }

  private decode(component: BundledComponent, secrets: SecretValues): Prepared {
    const entry = this.entryOf(component);
    const properties = resolveProperties(component, this.env, this.templateContext(), secrets);
    const { config, errors } = checkComponentProperties(entry.spec, properties);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const logger = this.logger.child({ component: component.name });
    return {
      logger,
      timeoutMs: entry.spec.operationTimeoutMs(config),
      recipe: {
        rebuildAfterIdleMs: entry.spec.rebuildAfterIdleMs,
        create: () => createWithin(component, config, entry, logger),
      },
    };
  }
}

/** Creates a driver bounded by the component's `initTimeout`; one that connects too late is closed. */
async function createWithin(
  component: BundledComponent,
  config: unknown,
  entry: CatalogEntry,
  logger: Logger,
): Promise<Driver> {
  const module = await entry.load();
  let creation: Promise<Driver> | undefined;
  const timedOut = () => new Error(`connecting took longer than the initTimeout of ${component.initTimeoutMs}ms`);
  try {
    return await withDeadline(component.initTimeoutMs, timedOut, (signal) => {
      creation = module.create(config, { name: component.name, logger, signal });
      return creation;
    });
  } catch (error) {
    // A driver that connects after its creation timed out is closed, not leaked.
    creation?.then((driver) => driver.close()).catch(() => undefined);
    throw error;
  }
}
