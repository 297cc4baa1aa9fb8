/** RSS after N invocations of aws.s3 and postgresql: handler and raw baseline, each in its own fresh process. */
import { runWorker } from '../spawn';
import { round } from '../stats';
import { MEMORY_BINDINGS, memoryWorker } from './bundles';
import { MEMORY_INVOCATIONS, TIMEOUT_MS } from './config';
import type { Services } from './services';
import type { MemoryInput, MemoryOutput, MemorySnapshot } from './workers/memory-loop';

/** One binding's memory figures (MiB), per side. */
export interface BindingMemory {
  binding: string;
  handler: MemoryOutput;
  raw: MemoryOutput;
}

/** Every binding measured, after `invocations` sequential calls. */
export interface MemoryResult {
  invocations: number;
  bindings: BindingMemory[];
}

const rounded = (s: MemorySnapshot): MemorySnapshot => ({
  rssMiB: round(s.rssMiB, 1),
  heapUsedMiB: round(s.heapUsedMiB, 1),
  externalMiB: round(s.externalMiB, 1),
});

async function side(binding: (typeof MEMORY_BINDINGS)[number], mode: MemoryInput['mode'], services: Services) {
  const input: MemoryInput = { mode, invocations: MEMORY_INVOCATIONS, timeoutMs: TIMEOUT_MS };
  const out = await runWorker<MemoryOutput>(memoryWorker(binding), input, {
    env: services,
    nodeArgs: ['--expose-gc'],
    timeoutMs: 300_000,
  });
  return {
    afterFirstCall: rounded(out.afterFirstCall),
    afterInvocations: rounded(out.afterInvocations),
    afterGc: rounded(out.afterGc),
    peakRssMiB: round(out.peakRssMiB, 1),
  };
}

/** Runs the memory workers (already built), handler then raw, per binding. */
export async function measureMemory(services: Services): Promise<MemoryResult> {
  const bindings: BindingMemory[] = [];
  for (const binding of MEMORY_BINDINGS) {
    bindings.push({
      binding: binding === 's3' ? 'aws.s3' : binding,
      handler: await side(binding, 'handler', services),
      raw: await side(binding, 'raw', services),
    });
  }
  return { invocations: MEMORY_INVOCATIONS, bindings };
}
