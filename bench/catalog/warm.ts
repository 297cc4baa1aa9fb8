/**
 * Warm latency per binding: the handler path (the real router and runtime, as the integration tests
 * drive it) and the raw library doing the same write, in one process, interleaved pair by pair
 * (the side that goes first alternates), after unmeasured warm-up pairs.
 */
import { performance } from 'node:perf_hooks';
import type { BindingsRuntime } from '../../src/runtime/bindings-runtime';
import { post } from '../../test/support/kafka-runtime';
import { LATENCY_PAIRS, TIMEOUT_MS, WARMUP_PAIRS } from './config';
import { round, roundSummary, summarize, type Summary } from '../stats';
import type { BenchTarget } from './targets/target';

/** One binding's warm figures (ms). */
export interface WarmResult {
  label: string;
  operation: string;
  baseline: string;
  pairs: number;
  handlerMs: Summary;
  rawMs: Summary;
  /** handler − raw, percentile by percentile. */
  addedMs: { p50: number; p99: number };
  /** The median of the per-pair differences, a cross-check of `addedMs.p50`. */
  pairedDiffP50Ms: number;
}

/** A handler call that did not answer 2xx: the bench is broken, not slow. */
export class HandlerFailedError extends Error {}

async function timedHandler(runtime: BindingsRuntime, target: BenchTarget, i: number): Promise<number> {
  const body = JSON.stringify(target.request(i));
  const t0 = performance.now();
  const response = await post(runtime, target.component.name, body, TIMEOUT_MS);
  const elapsed = performance.now() - t0;
  if (response.status < 200 || response.status > 299) {
    throw new HandlerFailedError(`${target.label}: handler answered ${response.status}: ${response.body.toString()}`);
  }
  return elapsed;
}

async function timedRaw(target: BenchTarget, i: number): Promise<number> {
  const t0 = performance.now();
  await target.raw(i);
  return performance.now() - t0;
}

/** Runs the warm-up and the timed pairs of one binding against a runtime that serves its component. */
export async function measureWarm(runtime: BindingsRuntime, target: BenchTarget): Promise<WarmResult> {
  const handler: number[] = [];
  const raw: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < WARMUP_PAIRS + LATENCY_PAIRS; i++) {
    let h: number;
    let r: number;
    if (i % 2 === 0) {
      h = await timedHandler(runtime, target, i);
      r = await timedRaw(target, i);
    } else {
      r = await timedRaw(target, i);
      h = await timedHandler(runtime, target, i);
    }
    if (i < WARMUP_PAIRS) continue;
    handler.push(h);
    raw.push(r);
    diffs.push(h - r);
  }
  const h = summarize(handler);
  const r = summarize(raw);
  return {
    label: target.label,
    operation: target.operation,
    baseline: target.baseline,
    pairs: LATENCY_PAIRS,
    handlerMs: roundSummary(h, 4),
    rawMs: roundSummary(r, 4),
    addedMs: { p50: round(h.p50 - r.p50, 4), p99: round(h.p99 - r.p99, 4) },
    pairedDiffP50Ms: round(summarize(diffs).p50, 4),
  };
}
