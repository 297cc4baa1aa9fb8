/**
 * npm run bench: what the handler costs on top of kafkajs, measured against a raw-kafkajs baseline
 * in the same run (same broker, topic, acks and producer settings). Prints figures and a table of
 * targets; never fails on a timing. Exits 1 only when something broke (broker down, build failed,
 * an invocation not answered 204). Writes bench/results/latest.json.
 * Options: --cpu-prof writes a CPU profile of the warm-latency process to .build/bench-prof/ (and no
 * results file, as profiling slows the warm figures).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildBundles } from './bundles';
import { measureBundle } from './bundle-size';
import { measureColdStart } from './cold-start';
import { ROOT, COLD_RUNS, LATENCY_PAIRS, MEMORY_INVOCATIONS, RESULTS_FILE, TOPIC, WARMUP_PAIRS } from './config';
import { measureWarm } from './latency';
import { lambdaSettings } from './lambda-settings';
import { measureMemory } from './memory';
import { kafkaBrokers, preflight, PreflightError } from './preflight';
import { printTable, rows, writeResults } from './report';

const print = (line = '') => console.log(line);

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const brokers = kafkaBrokers();
  const lambda = lambdaSettings();
  await preflight(brokers);
  print(`bench: broker ${brokers}, topic ${TOPIC} (1 partition), acks -1, idempotent producers, ${process.version}`);
  if (loadAtStart > cpus().length / 2) {
    print(
      `note: 1-min load average is ${loadAtStart.toFixed(2)} on ${cpus().length} CPUs; other work shares the CPUs, figures will be noisier`,
    );
  }

  print('building the bench bundle (scripts/build.ts, bench/components -> .build/bench-dist) and the workers ...');
  await buildBundles();
  const bundle = measureBundle();
  print(`bundle: ${bundle.file} ${bundle.bytes} bytes, gzip -9 ${bundle.gzipBytes} bytes`);

  print();
  print(`1. cold start: ${COLD_RUNS} fresh node processes per side (plus one unmeasured pair).`);
  print('   (a) require() of the handler bundle; (b) its first invocation, i.e. creating the Kafka driver');
  print('   (producer.connect()) and the first send; (c) baseline: require() of kafkajs alone, bundled with the');
  print('   same esbuild options, + producer.connect() + first send. The connect cannot be cut out of (b)');
  print('   without instrumenting src/, so it is subtracted: added cold start = (a)+(b) - (c).');
  const coldStart = await measureColdStart(brokers, lambda.timeoutMs, print);

  print();
  const cpuProf = process.argv.includes('--cpu-prof');
  print(`2./3. warm latency and throughput: one process, ${WARMUP_PAIRS} warm-up pairs, then ${LATENCY_PAIRS} handler`);
  print('   invocations (API Gateway v2 POST, create, unique payload) interleaved with raw producer.send() of the');
  print('   same bytes; then sequential throughput in back-to-back blocks, alternating sides ...');
  const profDir = join(ROOT, '.build', 'bench-prof');
  const warm = await measureWarm(brokers, lambda.timeoutMs, cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
  if (cpuProf) print(`   CPU profile written to ${profDir}`);

  print();
  print(
    `4. memory: ${MEMORY_INVOCATIONS} sequential invocations, handler and raw baseline, each in a dedicated process,`,
  );
  print(
    `   with node's default heap limits and with Lambda's flags for ${lambda.memoryMb} MB (${lambda.v8Flags.join(' ')}) ...`,
  );
  const memory = await measureMemory(brokers, lambda);

  const results = { coldStart, warm, memory, bundle };
  const table = rows(results);
  print();
  printTable(table, print);
  if (cpuProf) {
    print();
    print(`not writing ${RESULTS_FILE.replace(`${ROOT}/`, '')}: the profiler slows the warm figures down`);
    return;
  }
  const loadAverage = { atStart: loadAtStart, atEnd: loadavg()[0]! };
  writeResults(results, table, { brokers, topic: TOPIC, lambda, durationMs: Date.now() - started, loadAverage });
  print();
  print(`wrote ${RESULTS_FILE.replace(`${ROOT}/`, '')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  if (error instanceof PreflightError) console.error(`bench: ${error.message}`);
  else console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
