/**
 * Cold start, measured in fresh `node` processes (one per sample, handler and baseline alternating,
 * after one unmeasured pair that warms the OS file cache):
 *   (a) load:   require() of the handler bundle (Lambda's init phase),
 *   (b) first:  the first invocation, which creates the Kafka driver (mostly producer.connect()) and sends,
 *   (c) raw:    require() of kafkajs alone (same esbuild options) + producer.connect() + first send.
 * (b) cannot be split from the connect without instrumenting src/, so the connect is removed by
 * subtraction: added cold start = (a)+(b) − (c), i.e. what the handler costs beyond kafkajs itself.
 * Node's own start-up is the same in both processes and left out of all three.
 */
import { COLD_RUNS, COMPONENT_NAME, HANDLER_BUNDLE, TOPIC } from './config';
import { RAW_LIB_BUNDLE } from './bundles';
import { runWorker } from './spawn';
import { round, roundSummary, summarize, type Summary } from './stats';

interface ColdSample {
  loadMs: number;
  firstMs: number;
  sinceProcessStartMs: number;
}

export interface ColdStartResult {
  runs: number;
  handler: { loadMs: Summary; firstInvokeMs: Summary; totalMs: Summary; sinceProcessStartMs: Summary };
  raw: { loadMs: Summary; firstSendMs: Summary; totalMs: Summary; sinceProcessStartMs: Summary };
  added: { p50Ms: number; p90Ms: number };
  samples: { handlerTotalMs: number[]; rawTotalMs: number[] };
}

export async function measureColdStart(
  brokers: string,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<ColdStartResult> {
  const handler: ColdSample[] = [];
  const raw: ColdSample[] = [];
  const env = { KAFKA_BROKERS: brokers };
  const common = { brokers, topic: TOPIC, component: COMPONENT_NAME, timeoutMs };
  for (let i = -1; i < COLD_RUNS; i++) {
    const seq = 1_000_000 + i;
    const got: Partial<Record<'handler' | 'raw', ColdSample>> = {};
    // Alternate which goes first, so neither always follows the other's broker activity.
    for (const mode of i % 2 === 0 ? (['handler', 'raw'] as const) : (['raw', 'handler'] as const)) {
      const bundle = mode === 'handler' ? HANDLER_BUNDLE : RAW_LIB_BUNDLE;
      got[mode] = await runWorker<ColdSample>('cold', { ...common, mode, seq, bundle }, { env });
    }
    const h = got.handler!;
    const r = got.raw!;
    if (i < 0) continue;
    handler.push(h);
    raw.push(r);
    log(
      `  cold start ${i + 1}/${COLD_RUNS}: handler ${h.loadMs.toFixed(1)} + ${h.firstMs.toFixed(1)} ms, raw ${r.loadMs.toFixed(1)} + ${r.firstMs.toFixed(1)} ms`,
    );
  }
  const total = (s: ColdSample) => s.loadMs + s.firstMs;
  const handlerTotal = summarize(handler.map(total));
  const rawTotal = summarize(raw.map(total));
  return {
    runs: COLD_RUNS,
    handler: {
      loadMs: roundSummary(summarize(handler.map((s) => s.loadMs)), 2),
      firstInvokeMs: roundSummary(summarize(handler.map((s) => s.firstMs)), 2),
      totalMs: roundSummary(handlerTotal, 2),
      sinceProcessStartMs: roundSummary(summarize(handler.map((s) => s.sinceProcessStartMs)), 2),
    },
    raw: {
      loadMs: roundSummary(summarize(raw.map((s) => s.loadMs)), 2),
      firstSendMs: roundSummary(summarize(raw.map((s) => s.firstMs)), 2),
      totalMs: roundSummary(rawTotal, 2),
      sinceProcessStartMs: roundSummary(summarize(raw.map((s) => s.sinceProcessStartMs)), 2),
    },
    added: { p50Ms: round(handlerTotal.p50 - rawTotal.p50, 2), p90Ms: round(handlerTotal.p90 - rawTotal.p90, 2) },
    samples: { handlerTotalMs: handler.map((s) => round(total(s), 2)), rawTotalMs: raw.map((s) => round(total(s), 2)) },
  };
}
