/**
 * npm run bench:catalog: what the handler costs on top of each binding's own library, against the
 * local services (`bash scripts/services/up.sh`), measured side by side in the same run:
 *   1. warm latency per binding, handler path (real router + runtime) vs the raw library, interleaved;
 *   2. cold require() of a Kafka-only stage vs the same stage plus aws.s3/sqs/dynamodb, with bundle sizes;
 *   3. RSS after N invocations of aws.s3 and postgresql, handler vs raw (skip with --no-memory).
 * Prints figures and never fails on a timing; exits 1 only when something broke (a service missing
 * or down, a build failed, a call not answered 2xx). Writes bench/results/catalog-latest.json.
 * Every key, table, queue, bucket and topic it creates is unique to the run and deleted at the end.
 */
import { cpus, loadavg } from 'node:os';
import type { BindingsRuntime } from '../../src/runtime/bindings-runtime';
import { realRuntime } from '../../test/support/kafka-runtime';
import { buildAll } from './bundles';
import { measureCold } from './cold';
import { COLD_RUNS, LATENCY_PAIRS, MEMORY_INVOCATIONS, RESULTS_FILE, ROOT, RUN_ID, WARMUP_PAIRS } from './config';
import { measureMemory, type MemoryResult } from './memory';
import { printCold, printMemory, printWarm, writeResults } from './report';
import { loadServices, MissingServiceError } from './services';
import { allTargets } from './targets';
import type { BenchTarget } from './targets/target';
import { measureWarm, type WarmResult } from './warm';

const print = (line = '') => console.log(line);

async function warmAll(targets: BenchTarget[]): Promise<WarmResult[]> {
  const runtime: BindingsRuntime = realRuntime(targets.map((t) => t.component));
  try {
    const results: WarmResult[] = [];
    for (const target of targets) {
      results.push(await measureWarm(runtime, target));
      print(`  ${target.label}: ${target.operation} vs ${target.baseline}`);
    }
    return results;
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const services = loadServices();
  Object.assign(process.env, services);
  print(`bench:catalog, run ${RUN_ID}, ${process.version}, ${cpus().length} CPUs, load ${loadAtStart.toFixed(2)}`);
  if (loadAtStart > cpus().length / 2) {
    print(
      `note: the 1-min load average is ${loadAtStart.toFixed(2)}: other work shares the CPUs, figures will be noisier`,
    );
  }

  print();
  print(`1. warm latency: one process, per binding ${WARMUP_PAIRS} warm-up pairs then ${LATENCY_PAIRS} timed pairs,`);
  print("   handler (real router + runtime, the integration tests' post()) interleaved with the raw library ...");
  const targets: BenchTarget[] = [];
  let warm: WarmResult[];
  try {
    for (const factory of allTargets(services)) targets.push(await factory());
    warm = await warmAll(targets);
  } finally {
    for (const target of targets) await target.cleanup();
  }
  print();
  printWarm(warm, print);
  print('   (ms; added = handler − raw at that percentile; paired p50 = median of the per-pair differences)');
  print('   mysql: the handler prepares, executes and closes the statement on every call, as database/sql does for');
  print("   daprd; mysql2's execute() reuses its cached prepared statement, so the baseline skips that round trip.");

  print();
  print('building the two cold-start stages (scripts/build.ts, bench/catalog/stages/* -> .build/bench-catalog/*) ...');
  await buildAll();
  print(`2. cold start: require() of each stage's bundle in ${COLD_RUNS} fresh node processes each, alternating ...`);
  const cold = measureCold(services, print);
  print();
  printCold(cold, print);
  print('   (scripts/build.ts bundles the AWS SDK; drivers are created on the first call, not in require())');

  let memory: MemoryResult | undefined;
  if (!process.argv.includes('--no-memory')) {
    print();
    print(
      `3. memory: ${MEMORY_INVOCATIONS} sequential invocations, handler and raw each in a fresh node --expose-gc process ...`,
    );
    memory = await measureMemory(services);
    print();
    printMemory(memory, print);
    print('   (each side bundled with only its own code: the router, runtime and that one driver, or the raw library)');
  }

  const loadAverage = { atStart: loadAtStart, atEnd: loadavg()[0]! };
  writeResults({ warm, cold, memory }, { runId: RUN_ID, durationMs: Date.now() - started, loadAverage });
  print();
  print(`wrote ${RESULTS_FILE.replace(`${ROOT}/`, '')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  if (error instanceof MissingServiceError) console.error(`bench:catalog: ${error.message}`);
  else
    console.error(`bench:catalog failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
