/**
 * One cold start, in a fresh `node` process (the parent spawns this once per sample).
 *   mode "handler": (a) require the handler bundle, (b) its first invocation (driver creation, i.e.
 *                   kafkajs connect, plus the first send).
 *   mode "raw":     (a) require a bundle of kafkajs alone, (b) producer.connect() plus the first send.
 * Both bundles are minified CommonJS from esbuild with the same options, so the difference of the
 * (a)+(b) totals is what the handler adds on top of connecting and sending with kafkajs itself.
 */
import type { Producer } from 'kafkajs';
import { expectNoContent, fakeContext, httpEvent, loadBundle, payloadBytes, type Handler } from './lambda-fakes';
import { runWorker, workerInput, type WorkerTarget } from './protocol';

interface Input extends WorkerTarget {
  mode: 'handler' | 'raw';
  seq: number;
}

interface RawLib {
  rawProducer(brokers: string): Producer;
  rawSend(producer: Producer, topic: string, value: Buffer): Promise<void>;
}

runWorker(async () => {
  const input = workerInput<Input>();
  if (input.mode === 'handler') {
    const event = httpEvent(input.component, input.seq);
    const context = fakeContext(input.timeoutMs);
    const t0 = performance.now();
    const { handler } = loadBundle<{ handler: Handler }>(input.bundle);
    const t1 = performance.now();
    const response = await handler(event, context);
    const t2 = performance.now();
    expectNoContent(response, input.seq);
    return { loadMs: t1 - t0, firstMs: t2 - t1, sinceProcessStartMs: t2 };
  }
  const value = payloadBytes(input.seq);
  const t0 = performance.now();
  const lib = loadBundle<RawLib>(input.bundle);
  const t1 = performance.now();
  const producer = lib.rawProducer(input.brokers);
  await producer.connect();
  await lib.rawSend(producer, input.topic, value);
  const t2 = performance.now();
  return { loadMs: t1 - t0, firstMs: t2 - t1, sinceProcessStartMs: t2 };
});
