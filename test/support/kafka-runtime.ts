import { handleHttpRequest } from '../../src/api/router';
import type { HttpResponse } from '../../src/api/http-types';
import { fullCatalog } from '../../src/bindings/registry';
import type { BundledComponent, BundledSecretStore } from '../../src/components/types';
import { fullSecretStoreCatalog } from '../../src/secretstores/registry';
import { BindingsRuntime } from '../../src/runtime/bindings-runtime';
import { createLogger, type Logger } from '../../src/runtime/logger';
import { kafkaBrokers } from './kafka';

/** A Kafka binding component for integration tests, pointing at the test broker. */
export function kafkaComponent(name: string, topic: string, extra: Record<string, string> = {}): BundledComponent {
  const metadata = Object.entries({ brokers: kafkaBrokers(), publishTopic: topic, authType: 'none', ...extra }).map(
    ([key, value]) => ({ name: key, value }),
  );
  return { name, type: 'bindings.kafka', version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** A runtime with the real binding and secret store catalogs, serving the given components. */
export function realRuntime(
  components: BundledComponent[],
  options: { secretStores?: BundledSecretStore[]; logger?: Logger; env?: NodeJS.ProcessEnv } = {},
): BindingsRuntime {
  return new BindingsRuntime({
    manifest: { appId: 'integration', stage: 'test', components, secretStores: options.secretStores ?? [] },
    catalog: fullCatalog,
    secretStoreCatalog: fullSecretStoreCatalog,
    env: options.env ?? {},
    logger: options.logger ?? createLogger({}, (process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent'),
  });
}

/** Sends one HTTP request through the real router, as API Gateway would deliver it. */
export function post(
  runtime: BindingsRuntime,
  name: string,
  body: unknown,
  remainingMs?: number,
): Promise<HttpResponse> {
  return handleHttpRequest(
    {
      method: 'POST',
      rawPath: `/v1.0/bindings/${name}`,
      headers: {},
      body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    },
    { runtime, logger: createLogger({}, 'silent'), remainingMs },
  );
}

/** The JSON error body of a response. */
export function errorOf(response: HttpResponse): { errorCode: string; message: string } {
  return JSON.parse(response.body.toString()) as { errorCode: string; message: string };
}
