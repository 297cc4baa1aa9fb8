/** The table printed at the end, and bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BundleResult } from './bundle-size';
import type { ColdStartResult } from './cold-start';
import { RESULTS_FILE, TARGETS } from './config';
import { measuredOn } from './environment';
import type { LatencyResult } from './latency';
import type { MemoryResult, MemoryRun, MemorySide } from './memory';

export interface Results {
  coldStart: ColdStartResult;
  warm: LatencyResult;
  memory: MemoryResult;
  bundle: BundleResult;
}

export interface Row {
  figure: string;
  value: string;
  baseline: string;
  target: string;
  /** true/false against a target; null for a figure without one. */
  met: boolean | null;
}

const ms = (v: number, digits = 2) => `${v.toFixed(digits)} ms`;
const mib = (v: number) => `${v.toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const heaps = (s: MemorySide) =>
  `${mib(s.beforeInvocations.heapUsedMiB)} / ${mib(s.afterInvocations.heapUsedMiB)} / ${mib(s.afterGc.heapUsedMiB)}`;

function memoryRow(figure: string, run: MemoryRun): Row {
  const { handler, raw } = run;
  return {
    figure,
    value: `${mib(handler.afterInvocations.rssMiB)} (peak ${mib(handler.peakRssMiB)})`,
    baseline: `${mib(raw.afterInvocations.rssMiB)} (peak ${mib(raw.peakRssMiB)})`,
    target: `<= ${TARGETS.rssMiB} MiB`,
    met: Math.max(handler.afterInvocations.rssMiB, handler.peakRssMiB) <= TARGETS.rssMiB,
  };
}

export function rows(r: Results): Row[] {
  const { coldStart: c, warm: w, memory: m, bundle: b } = r;
  const info = (figure: string, value: string, baseline = ''): Row => ({
    figure,
    value,
    baseline,
    target: '',
    met: null,
  });
  return [
    info('cold: require bundle (a), p50 / p90', `${ms(c.handler.loadMs.p50, 1)} / ${ms(c.handler.loadMs.p90, 1)}`),
    info(
      'cold: first invoke (b), p50 / p90',
      `${ms(c.handler.firstInvokeMs.p50, 1)} / ${ms(c.handler.firstInvokeMs.p90, 1)}`,
    ),
    info(
      'cold: (a)+(b) vs raw (c), p50 / p90',
      `${ms(c.handler.totalMs.p50, 1)} / ${ms(c.handler.totalMs.p90, 1)}`,
      `${ms(c.raw.totalMs.p50, 1)} / ${ms(c.raw.totalMs.p90, 1)}`,
    ),
    {
      figure: 'cold: added (a)+(b)-(c), p50',
      value: ms(c.added.p50Ms, 1),
      baseline: `p90 ${ms(c.added.p90Ms, 1)}`,
      target: `<= ${TARGETS.addedColdStartMs} ms`,
      met: c.added.p50Ms <= TARGETS.addedColdStartMs,
    },
    info('warm: p50 handler vs raw', ms(w.handlerMs.p50, 3), ms(w.rawMs.p50, 3)),
    info('warm: p99 handler vs raw', ms(w.handlerMs.p99, 3), ms(w.rawMs.p99, 3)),
    info('warm: mean handler vs raw', ms(w.handlerMs.mean, 3), ms(w.rawMs.mean, 3)),
    {
      figure: 'warm: added p50',
      value: ms(w.addedMs.p50, 3),
      baseline: `paired ${ms(w.pairedDiffMs.p50, 3)}`,
      target: `<= ${TARGETS.addedP50Ms} ms`,
      met: w.addedMs.p50 <= TARGETS.addedP50Ms,
    },
    {
      figure: 'warm: added p99',
      value: ms(w.addedMs.p99, 3),
      baseline: `paired ${ms(w.pairedDiffMs.p99, 3)}`,
      target: `<= ${TARGETS.addedP99Ms} ms`,
      met: w.addedMs.p99 <= TARGETS.addedP99Ms,
    },
    info(
      'throughput, sequential (per s)',
      `${w.throughput.handlerPerSec.toFixed(0)}/s`,
      `${w.throughput.rawPerSec.toFixed(0)}/s`,
    ),
    info(
      'memory: RSS before invocations',
      mib(m.nodeDefaults.handler.beforeInvocations.rssMiB),
      mib(m.nodeDefaults.raw.beforeInvocations.rssMiB),
    ),
    memoryRow(`memory: RSS after ${m.invocations} (node defaults)`, m.nodeDefaults),
    memoryRow(`memory: RSS after ${m.invocations} (${m.lambdaFlags.memoryMb} MB Lambda flags)`, m.lambdaFlags),
    info('memory: heapUsed before / after / after GC', heaps(m.nodeDefaults.handler), heaps(m.nodeDefaults.raw)),
    {
      figure: 'bundle: minified',
      value: kib(b.bytes),
      baseline: `gzip ${kib(b.gzipBytes)}`,
      target: `<= ${TARGETS.bundleKiB} KiB`,
      met: b.bytes <= TARGETS.bundleKiB * 1024,
    },
  ];
}

export function printTable(table: Row[], print: (line: string) => void): void {
  const cells = table.map((r) => [
    r.figure,
    r.value,
    r.baseline,
    r.target,
    r.met === null ? '' : r.met ? 'met' : 'NOT met',
  ]);
  const header = ['figure', 'measured', 'baseline / detail', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) print(line(c));
}

export function writeResults(results: Results, table: Row[], meta: Record<string, unknown>): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const document = {
    generatedAt: new Date().toISOString(),
    environment: measuredOn(meta),
    targets: TARGETS,
    summary: table.map(({ figure, value, baseline, target, met }) => ({ figure, value, baseline, target, met })),
    ...results,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(document, null, 2)}\n`);
}
