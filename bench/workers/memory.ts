/**
 * Memory over N sequential invocations, in a fresh `node --expose-gc` process per side:
 *   mode "handler": the handler bundle alone (API Gateway v2 events);
 *   mode "raw":     the raw-kafkajs bundle alone (producer.send of the same bytes), the baseline.
 * Snapshots: after loading the bundle (before any invocation), after the N invocations, and after a
 * forced full GC; plus the peak RSS. RSS is what Lambda's memory limit counts.
 */
import type { Producer } from 'kafkajs';
import { expectNoContent, fakeContext, httpEvent, loadBundle, payloadBytes, type Handler } from './lambda-fakes';
import { runWorker, workerInput, type WorkerTarget } from './protocol';

interface Input extends WorkerTarget {
  mode: 'handler' | 'raw';
  invocations: number;
}

interface RawLib {
  rawProducer(brokers: string): Producer;
  rawSend(producer: Producer, topic: string, value: Buffer): Promise<void>;
}

const MiB = 1024 * 1024;

function snapshot() {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rssMiB: rss / MiB, heapUsedMiB: heapUsed / MiB, heapTotalMiB: heapTotal / MiB, externalMiB: external / MiB };
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

async function invoker(input: Input): Promise<(i: number) => Promise<void>> {
  if (input.mode === 'handler') {
    const { handler } = loadBundle<{ handler: Handler }>(input.bundle);
    return async (i) => expectNoContent(await handler(httpEvent(input.component, i), fakeContext(input.timeoutMs)), i);
  }
  const lib = loadBundle<RawLib>(input.bundle);
  let producer: Producer | undefined;
  return async (i) => {
    if (!producer) {
      producer = lib.rawProducer(input.brokers);
      await producer.connect();
    }
    await lib.rawSend(producer, input.topic, payloadBytes(i));
  };
}

runWorker(async () => {
  const input = workerInput<Input>();
  const invoke = await invoker(input);
  collect();
  const beforeInvocations = snapshot();
  for (let i = 0; i < input.invocations; i++) await invoke(i);
  const afterInvocations = snapshot();
  collect();
  const afterGc = snapshot();
  return {
    invocations: input.invocations,
    beforeInvocations,
    afterInvocations,
    afterGc,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
  };
});
