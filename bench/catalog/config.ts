/** Sizes, paths and names of the catalogue benchmark (npm run bench:catalog): one place to read what a run does. */
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '..', '..');

/** Unmeasured handler/raw pairs per binding before the timed ones (connections made, JIT warm). */
export const WARMUP_PAIRS = 50;
/** Timed handler/raw pairs per binding, interleaved. */
export const LATENCY_PAIRS = 300;
/** Fresh node processes per stage for the cold require(). */
export const COLD_RUNS = 15;
/** Sequential invocations before the RSS is read, per binding. */
export const MEMORY_INVOCATIONS = 2_000;

/** The function timeout the handler path runs under (the invocation deadline). */
export const TIMEOUT_MS = 30_000;

/** A prefix unique to this run, for every key, table, queue, bucket and topic it creates. */
export const RUN_ID = `dlb-bench-${randomUUID().slice(0, 8)}`;

/** Where the two cold-start stages come from and are built to (apart from dist/ and the Kafka bench's builds). */
export const STAGES_DIR = join(ROOT, 'bench', 'catalog', 'stages');
export const BUILD_DIR = join(ROOT, '.build', 'bench-catalog');

export const RESULTS_FILE = join(ROOT, 'bench', 'results', 'catalog-latest.json');
