/**
 * Cold start of a stage: require() of its handler bundle (Lambda's init phase) in fresh plain `node`
 * processes, the two stages alternating (after one unmeasured pair that warms the OS file cache).
 * Drivers are created on the first call, so this is the cost of loading and evaluating the bundle.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { STAGES, stageBundle, type Stage } from './bundles';
import { COLD_RUNS, ROOT } from './config';
import type { Services } from './services';
import { round, roundSummary, summarize, type Summary } from '../stats';

/** One stage's cold figures. */
export interface StageColdResult {
  stage: Stage;
  bundle: string;
  bytes: number;
  gzipBytes: number;
  requireMs: Summary;
  /** RSS of the process right after the require() (MiB). */
  rssAfterRequireMiB: Summary;
}

/** Both stages, and what the AWS one adds. */
export interface ColdResult {
  runs: number;
  stages: StageColdResult[];
  addedByAws: { requireP50Ms: number; requireP99Ms: number; bytes: number; gzipBytes: number };
}

// Runs in the child: times the require() alone, then exits (the runtime's timers would keep it alive).
const CHILD = `const t0 = performance.now(); require(process.argv[1]); const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss }) + '\\n', () => process.exit(0));`;

function requireOnce(bundle: string, services: Services): { ms: number; rss: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...services };
  delete env.NODE_OPTIONS; // a plain node: no tsx loader in the measured process
  const child = spawnSync(process.execPath, ['-e', CHILD, bundle], { env, encoding: 'utf8', timeout: 60_000 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{"ms"'));
  if (child.status !== 0 || !line) {
    throw new Error(`require() of ${bundle} failed (${child.status ?? child.signal}):\n${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as { ms: number; rss: number };
}

/** Measures both stages (already built); `log` gets one line per sample. */
export function measureCold(services: Services, log: (line: string) => void): ColdResult {
  const samples: Record<Stage, Array<{ ms: number; rss: number }>> = { kafka: [], aws: [] };
  for (let i = -1; i < COLD_RUNS; i++) {
    const order: readonly Stage[] = i % 2 === 0 ? STAGES : [...STAGES].reverse();
    const got = Object.fromEntries(order.map((stage) => [stage, requireOnce(stageBundle(stage), services)]));
    if (i < 0) continue;
    for (const stage of STAGES) samples[stage].push(got[stage]!);
    log(`  cold ${i + 1}/${COLD_RUNS}: ${STAGES.map((s) => `${s} ${got[s]!.ms.toFixed(1)} ms`).join(', ')}`);
  }
  const stages = STAGES.map((stage): StageColdResult => {
    const content = readFileSync(stageBundle(stage));
    return {
      stage,
      bundle: stageBundle(stage).replace(`${ROOT}/`, ''),
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
      requireMs: roundSummary(summarize(samples[stage].map((s) => s.ms)), 2),
      rssAfterRequireMiB: roundSummary(summarize(samples[stage].map((s) => s.rss / 2 ** 20)), 1),
    };
  });
  const [kafka, aws] = stages as [StageColdResult, StageColdResult];
  return {
    runs: COLD_RUNS,
    stages,
    addedByAws: {
      requireP50Ms: round(aws.requireMs.p50 - kafka.requireMs.p50, 2),
      requireP99Ms: round(aws.requireMs.p99 - kafka.requireMs.p99, 2),
      bytes: aws.bytes - kafka.bytes,
      gzipBytes: aws.gzipBytes - kafka.gzipBytes,
    },
  };
}
