import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { handleHttpRequest } from '../api/router';
import { bundle } from '../bundle/bundled';
import { BindingsRuntime } from '../runtime/bindings-runtime';
import { createLogger } from '../runtime/logger';
import { isHttpEvent, toHttpRequest, toHttpResult } from './http';
import { handleInvokeEvent } from './invoke';
import { safetyNet } from './safety-net';

const logger = createLogger({ app: bundle.manifest.appId, stage: bundle.manifest.stage });
// Module scope: the pool outlives invocations, so warm calls reuse connections.
const runtime = new BindingsRuntime({
  manifest: bundle.manifest,
  catalog: bundle.catalog,
  secretStoreCatalog: bundle.secretStoreCatalog,
  logger,
});
// Secrets are read during the init phase, in parallel; a failure is retried on the first call that needs it.
void runtime.warmUp();
const apiToken = process.env.DAPR_API_TOKEN || undefined;

// Lambda sends SIGTERM before it retires a sandbox (when an extension is registered): flush and close.
process.once('SIGTERM', () => {
  void runtime.close().finally(() => process.exit(0));
});

async function route(event: unknown, context: Context): Promise<unknown> {
  const remainingMs = () => context.getRemainingTimeInMillis?.();
  if (isHttpEvent(event)) {
    const response = await handleHttpRequest(toHttpRequest(event), {
      runtime,
      apiToken,
      logger,
      remainingMs: remainingMs(),
    });
    return toHttpResult(response);
  }
  return handleInvokeEvent(event, runtime, logger, remainingMs);
}

/** The Lambda entry point: API Gateway / Function URL events and direct invokes, one runtime for both. */
// The runtime's own deadline (DEADLINE_MARGIN_MS) answers first; middy's early timeout would only add a timer per call.
export const handler = middy<unknown, unknown, Error, Context>({ timeoutEarlyInMillis: 0 })
  .use(safetyNet(logger))
  .handler(route);
