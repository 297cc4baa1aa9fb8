import { randomUUID } from 'node:crypto';
// The instances need KAFKA_BROKERS & co. from .services.env, which setupFiles only load into the test files.
import '../support/load-services-env';
import { startOffline, type OfflineInstance } from '../support/offline';
import { E2E_ENV } from './helpers/environment';

// Where the instances wait for global-teardown.ts (jest runs both in the same parent process).
const INSTANCES = Symbol.for('dapr-bindings.e2e.offline-instances');
type WithInstances = typeof globalThis & { [INSTANCES]?: OfflineInstance[] };

/** Stops every instance the global setup started (all of them, even if one fails), then forgets them. */
export async function stopE2eInstances(): Promise<void> {
  const holder = globalThis as WithInstances;
  const instances = holder[INSTANCES] ?? [];
  delete holder[INSTANCES];
  const results = await Promise.allSettled(instances.map((instance) => instance.stop()));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason as unknown),
      'stopping serverless-offline failed',
    );
  }
}

/** Starts the default and the DAPR_API_TOKEN serverless-offline, one after the other, and exports their addresses. */
export default async function globalSetup(): Promise<void> {
  const instances: OfflineInstance[] = [];
  (globalThis as WithInstances)[INSTANCES] = instances;
  try {
    // One at a time: each start rebuilds dist/, deleting it first.
    const plain = await startOffline();
    instances.push(plain);
    const token = randomUUID();
    const guarded = await startOffline({ env: { DAPR_API_TOKEN: token } });
    instances.push(guarded);
    process.env[E2E_ENV.baseUrl] = plain.baseUrl;
    process.env[E2E_ENV.lambdaEndpoint] = plain.lambdaEndpoint;
    process.env[E2E_ENV.tokenBaseUrl] = guarded.baseUrl;
    process.env[E2E_ENV.apiToken] = token;
  } catch (error) {
    await stopE2eInstances().catch(() => undefined);
    throw error;
  }
}
