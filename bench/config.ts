/** Sizes, names and targets of the benchmark: one place to read what a run does. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

/** The topic of bench/components/bench.yaml; the raw baseline writes to the same one. */
export const TOPIC = 'dapr-lambda-bench';
export const COMPONENT_NAME = 'bench';

/** Where the bench keeps its builds, apart from dist/ and from the lead's `.build/<stage>`. */
export const STAGE = 'bench';
export const HANDLER_DIR = join(ROOT, '.build', 'bench-dist');
export const HANDLER_BUNDLE = join(HANDLER_DIR, 'index.js');
export const WORKERS_DIR = join(ROOT, '.build', 'bench-workers');
export const RESULTS_FILE = join(ROOT, 'bench', 'results', 'latest.json');

export const COLD_RUNS = 10;
export const WARMUP_PAIRS = 200;
export const LATENCY_PAIRS = 2_000;
export const THROUGHPUT_BLOCK = 1_000;
export const THROUGHPUT_ROUNDS = 2;
export const MEMORY_INVOCATIONS = 10_000;

/** The targets the table compares against; never asserted, only reported. */
export const TARGETS = {
  addedColdStartMs: 50,
  addedP50Ms: 0.2,
  addedP99Ms: 1,
  rssMiB: 100,
  bundleKiB: 500,
} as const;
