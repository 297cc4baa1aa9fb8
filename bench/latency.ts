/** Warm added latency and sequential throughput: handler vs raw kafkajs, interleaved in one process (workers/warm.ts). */
import {
  COMPONENT_NAME,
  HANDLER_BUNDLE,
  LATENCY_PAIRS,
  THROUGHPUT_BLOCK,
  THROUGHPUT_ROUNDS,
  TOPIC,
  WARMUP_PAIRS,
} from './config';
import { runWorker } from './spawn';
import { round, roundSummary, summarize, type Summary } from './stats';

interface WarmOutput {
  handlerMs: number[];
  rawMs: number[];
  pairedDiffMs: number[];
  throughput: { handlerPerSec: number; rawPerSec: number; opsPerSide: number };
}

export interface LatencyResult {
  warmupPairs: number;
  pairs: number;
  handlerMs: Summary;
  rawMs: Summary;
  /** handler − raw, percentile by percentile. */
  addedMs: { p50: number; p99: number; mean: number };
  /** The median and p99 of the per-pair differences, a cross-check of `addedMs`. */
  pairedDiffMs: { p50: number; p99: number };
  throughput: { handlerPerSec: number; rawPerSec: number; opsPerSide: number };
}

export async function measureWarm(brokers: string, timeoutMs: number, nodeArgs: string[] = []): Promise<LatencyResult> {
  const out = await runWorker<WarmOutput>(
    'warm',
    {
      bundle: HANDLER_BUNDLE,
      timeoutMs,
      brokers,
      topic: TOPIC,
      component: COMPONENT_NAME,
      warmupPairs: WARMUP_PAIRS,
      pairs: LATENCY_PAIRS,
      throughputBlock: THROUGHPUT_BLOCK,
      throughputRounds: THROUGHPUT_ROUNDS,
    },
    { env: { KAFKA_BROKERS: brokers }, nodeArgs, timeoutMs: 120_000 },
  );
  const handler = summarize(out.handlerMs);
  const raw = summarize(out.rawMs);
  const paired = summarize(out.pairedDiffMs);
  return {
    warmupPairs: WARMUP_PAIRS,
    pairs: LATENCY_PAIRS,
    handlerMs: roundSummary(handler, 4),
    rawMs: roundSummary(raw, 4),
    addedMs: {
      p50: round(handler.p50 - raw.p50, 4),
      p99: round(handler.p99 - raw.p99, 4),
      mean: round(handler.mean - raw.mean, 4),
    },
    pairedDiffMs: { p50: round(paired.p50, 4), p99: round(paired.p99, 4) },
    throughput: {
      handlerPerSec: round(out.throughput.handlerPerSec, 1),
      rawPerSec: round(out.throughput.rawPerSec, 1),
      opsPerSide: out.throughput.opsPerSide,
    },
  };
}
