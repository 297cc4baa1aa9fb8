/**
 * Warm latency and sequential throughput, in one fresh `node` process holding both the handler
 * (its pooled kafkajs producer) and a raw kafkajs producer with the same settings, on the same topic.
 * Latency: handler invocations and raw sends interleaved pair by pair (order alternating), so both
 * see the same broker, GC and CPU conditions. Throughput: back-to-back blocks, alternating sides.
 */
import { expectNoContent, fakeContext, httpEvent, loadBundle, payloadBytes, type Handler } from './lambda-fakes';
import { runWorker, workerInput, type WorkerTarget } from './protocol';
import { rawProducer, rawSend } from './raw-kafka';

interface Input extends WorkerTarget {
  warmupPairs: number;
  pairs: number;
  throughputBlock: number;
  throughputRounds: number;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

runWorker(async () => {
  const input = workerInput<Input>();
  const { handler } = loadBundle<{ handler: Handler }>(input.bundle);
  const producer = rawProducer(input.brokers);
  await producer.connect();

  let seq = 0;
  const invokeHandler = async (): Promise<number> => {
    const i = seq++;
    const event = httpEvent(input.component, i);
    const context = fakeContext(input.timeoutMs);
    const start = nowMs();
    const response = await handler(event, context);
    const elapsed = nowMs() - start;
    expectNoContent(response, i);
    return elapsed;
  };
  const sendRaw = async (): Promise<number> => {
    const value = payloadBytes(seq++);
    const start = nowMs();
    await rawSend(producer, input.topic, value);
    return nowMs() - start;
  };

  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  const pairedDiffMs: number[] = [];
  for (let i = 0; i < input.warmupPairs + input.pairs; i++) {
    let h: number;
    let r: number;
    if (i % 2 === 0) {
      h = await invokeHandler();
      r = await sendRaw();
    } else {
      r = await sendRaw();
      h = await invokeHandler();
    }
    if (i < input.warmupPairs) continue;
    handlerMs.push(h);
    rawMs.push(r);
    pairedDiffMs.push(h - r);
  }

  const throughput = { handler: { ops: 0, ms: 0 }, raw: { ops: 0, ms: 0 } };
  for (let round = 0; round < input.throughputRounds; round++) {
    for (const side of round % 2 === 0 ? (['handler', 'raw'] as const) : (['raw', 'handler'] as const)) {
      const start = nowMs();
      for (let i = 0; i < input.throughputBlock; i++) {
        if (side === 'handler') await invokeHandler();
        else await sendRaw();
      }
      throughput[side].ms += nowMs() - start;
      throughput[side].ops += input.throughputBlock;
    }
  }

  await producer.disconnect();
  return {
    handlerMs,
    rawMs,
    pairedDiffMs,
    throughput: {
      handlerPerSec: (throughput.handler.ops / throughput.handler.ms) * 1000,
      rawPerSec: (throughput.raw.ops / throughput.raw.ms) * 1000,
      opsPerSide: throughput.handler.ops,
    },
  };
});
