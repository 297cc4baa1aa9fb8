/**
 * Memory of the handler alone, in a fresh `node --expose-gc` process: after loading the bundle (before
 * any invocation), then after N sequential invocations, without and with a forced full GC.
 * RSS is what Lambda's memory limit counts.
 */
import { expectNoContent, fakeContext, httpEvent, loadBundle, type Handler } from './lambda-fakes';
import { runWorker, workerInput } from './protocol';

interface Input {
  bundle: string;
  component: string;
  invocations: number;
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

runWorker(async () => {
  const input = workerInput<Input>();
  const { handler } = loadBundle<{ handler: Handler }>(input.bundle);
  collect();
  const beforeInvocations = snapshot();
  for (let i = 0; i < input.invocations; i++) {
    expectNoContent(await handler(httpEvent(input.component, i), fakeContext()), i);
  }
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
