/**
 * Memory over many sequential invocations: the handler and the raw-kafkajs baseline, each in a
 * dedicated process (workers/memory.ts), once with node's default V8 heap limits and once with the
 * flags Lambda's Node.js bootstrap derives from the function's memory size (a larger or smaller
 * young generation moves RSS by tens of MiB without any change in what the code retains).
 */
import { RAW_LIB_BUNDLE } from './bundles';
import { COMPONENT_NAME, HANDLER_BUNDLE, MEMORY_INVOCATIONS, TOPIC } from './config';
import type { LambdaSettings } from './lambda-settings';
import { runWorker } from './spawn';
import { round } from './stats';

interface Snapshot {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
}

export interface MemorySide {
  beforeInvocations: Snapshot;
  afterInvocations: Snapshot;
  afterGc: Snapshot;
  peakRssMiB: number;
}

export interface MemoryRun {
  v8Flags: string[];
  handler: MemorySide;
  raw: MemorySide;
}

export interface MemoryResult {
  invocations: number;
  nodeDefaults: MemoryRun;
  lambdaFlags: MemoryRun & { memoryMb: number };
}

const rounded = (s: Snapshot): Snapshot =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 1)])) as unknown as Snapshot;

async function side(
  mode: 'handler' | 'raw',
  brokers: string,
  timeoutMs: number,
  v8Flags: string[],
): Promise<MemorySide> {
  const out = await runWorker<MemorySide>(
    'memory',
    {
      mode,
      bundle: mode === 'handler' ? HANDLER_BUNDLE : RAW_LIB_BUNDLE,
      timeoutMs,
      brokers,
      topic: TOPIC,
      component: COMPONENT_NAME,
      invocations: MEMORY_INVOCATIONS,
    },
    { env: { KAFKA_BROKERS: brokers }, nodeArgs: ['--expose-gc', ...v8Flags], timeoutMs: 120_000 },
  );
  return {
    beforeInvocations: rounded(out.beforeInvocations),
    afterInvocations: rounded(out.afterInvocations),
    afterGc: rounded(out.afterGc),
    peakRssMiB: round(out.peakRssMiB, 1),
  };
}

async function run(brokers: string, timeoutMs: number, v8Flags: string[]): Promise<MemoryRun> {
  const handler = await side('handler', brokers, timeoutMs, v8Flags);
  const raw = await side('raw', brokers, timeoutMs, v8Flags);
  return { v8Flags, handler, raw };
}

export async function measureMemory(brokers: string, lambda: LambdaSettings): Promise<MemoryResult> {
  return {
    invocations: MEMORY_INVOCATIONS,
    nodeDefaults: await run(brokers, lambda.timeoutMs, []),
    lambdaFlags: { memoryMb: lambda.memoryMb, ...(await run(brokers, lambda.timeoutMs, lambda.v8Flags)) },
  };
}
