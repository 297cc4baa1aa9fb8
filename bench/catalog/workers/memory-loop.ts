/**
 * Memory over N sequential invocations of one binding, in a fresh `node --expose-gc` process per side
 * (bundled with only that binding's driver and raw library):
 *   mode "handler": the real router and runtime serving the binding's component;
 *   mode "raw":     the raw library doing the same write, the baseline.
 * The resources (bucket, table) are created and deleted by the worker itself, with its raw client.
 * Snapshots: after the first call (connection made, driver loaded), after the N calls, after a full GC.
 */
import { handleHttpRequest } from '../../../src/api/router';
import type { CatalogEntry } from '../../../src/bindings/catalog';
import { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { createLogger } from '../../../src/runtime/logger';
import { runWorker, workerInput } from '../../workers/protocol';
import { loadServices } from '../services';
import type { BenchTarget, TargetFactory } from '../targets/target';

/** What the parent tells a memory worker. */
export interface MemoryInput {
  mode: 'handler' | 'raw';
  invocations: number;
  timeoutMs: number;
}

/** Memory figures in MiB. */
export interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
}

/** What a memory worker hands back. */
export interface MemoryOutput {
  afterFirstCall: MemorySnapshot;
  afterInvocations: MemorySnapshot;
  afterGc: MemorySnapshot;
  peakRssMiB: number;
}

const MiB = 2 ** 20;

function snapshot(): MemorySnapshot {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rssMiB: rss / MiB, heapUsedMiB: heapUsed / MiB, externalMiB: external / MiB };
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

function handlerInvoker(target: BenchTarget, entry: CatalogEntry, timeoutMs: number) {
  const logger = createLogger({}, 'silent');
  const runtime = new BindingsRuntime({
    manifest: { appId: 'bench', stage: 'bench', components: [target.component], secretStores: [] },
    catalog: { [entry.spec.type]: entry },
    logger,
  });
  const invoke = async (i: number) => {
    const body = Buffer.from(JSON.stringify(target.request(i)));
    const response = await handleHttpRequest(
      { method: 'POST', rawPath: `/v1.0/bindings/${target.component.name}`, headers: {}, body },
      { runtime, logger, remainingMs: timeoutMs },
    );
    if (response.status < 200 || response.status > 299) {
      throw new Error(`handler answered ${response.status}: ${response.body.toString()}`);
    }
  };
  return { invoke, close: () => runtime.close() };
}

/** Runs the worker for one binding: `entry` is its catalog entry, `factory` its target. */
export function runMemoryWorker(
  factory: (services: ReturnType<typeof loadServices>) => TargetFactory,
  entry: CatalogEntry,
): void {
  runWorker(async () => {
    const input = workerInput<MemoryInput>();
    const target = await factory(loadServices())();
    const side =
      input.mode === 'handler'
        ? handlerInvoker(target, entry, input.timeoutMs)
        : { invoke: (i: number) => target.raw(i), close: async () => undefined };
    try {
      await side.invoke(0);
      collect();
      const afterFirstCall = snapshot();
      let peakRssMiB = afterFirstCall.rssMiB;
      for (let i = 1; i <= input.invocations; i++) {
        await side.invoke(i);
        if (i % 50 === 0) peakRssMiB = Math.max(peakRssMiB, process.memoryUsage().rss / MiB);
      }
      const afterInvocations = snapshot();
      collect();
      const afterGc = snapshot();
      return { afterFirstCall, afterInvocations, afterGc, peakRssMiB: Math.max(peakRssMiB, afterInvocations.rssMiB) };
    } finally {
      await side.close();
      await target.cleanup();
    }
  });
}
