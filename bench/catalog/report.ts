/** The tables npm run bench:catalog prints, and bench/results/catalog-latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ColdResult } from './cold';
import { RESULTS_FILE } from './config';
import type { MemoryResult } from './memory';
import type { WarmResult } from './warm';
import { measuredOn } from '../environment';

/** Everything one run measured. */
export interface CatalogResults {
  warm: WarmResult[];
  cold: ColdResult;
  memory?: MemoryResult;
}

const ms = (v: number, digits = 3) => v.toFixed(digits);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (v: number) => `${v.toFixed(1)} MiB`;

/** Prints rows as aligned columns under a header. */
export function printTable(header: string[], rows: string[][], print: (line: string) => void): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) print(line(row));
}

/** Warm latency per binding (ms): both sides' p50/p99 and handler − raw. */
export function printWarm(warm: WarmResult[], print: (line: string) => void): void {
  const header = [
    'binding',
    'handler p50',
    'raw p50',
    'added p50',
    'handler p99',
    'raw p99',
    'added p99',
    'paired p50',
  ];
  const rows = warm.map((w) => [
    w.label,
    ms(w.handlerMs.p50),
    ms(w.rawMs.p50),
    ms(w.addedMs.p50),
    ms(w.handlerMs.p99),
    ms(w.rawMs.p99),
    ms(w.addedMs.p99),
    ms(w.pairedDiffP50Ms),
  ]);
  printTable(header, rows, print);
}

/** Cold require() per stage and the bundle sizes. */
export function printCold(cold: ColdResult, print: (line: string) => void): void {
  const header = ['stage', 'require p50', 'require p99', 'RSS after p50', 'bundle', 'gzip -9'];
  const rows = cold.stages.map((s) => [
    s.stage === 'aws' ? 'kafka + s3 + sqs + dynamodb' : 'kafka only',
    `${ms(s.requireMs.p50, 1)} ms`,
    `${ms(s.requireMs.p99, 1)} ms`,
    mib(s.rssAfterRequireMiB.p50),
    kib(s.bytes),
    kib(s.gzipBytes),
  ]);
  const a = cold.addedByAws;
  rows.push([
    'added by the AWS components',
    `${ms(a.requireP50Ms, 1)} ms`,
    `${ms(a.requireP99Ms, 1)} ms`,
    '',
    kib(a.bytes),
    kib(a.gzipBytes),
  ]);
  printTable(header, rows, print);
}

/** RSS after the invocations, handler versus raw, per binding. */
export function printMemory(memory: MemoryResult, print: (line: string) => void): void {
  const header = [
    'binding',
    'side',
    'RSS after 1st call',
    `RSS after ${memory.invocations}`,
    'peak RSS',
    'heapUsed after GC',
  ];
  const rows = memory.bindings.flatMap((b) =>
    (['handler', 'raw'] as const).map((mode) => [
      b.binding,
      mode,
      mib(b[mode].afterFirstCall.rssMiB),
      mib(b[mode].afterInvocations.rssMiB),
      mib(b[mode].peakRssMiB),
      mib(b[mode].afterGc.heapUsedMiB),
    ]),
  );
  printTable(header, rows, print);
}

/** Writes the results with the environment they were measured in. */
export function writeResults(results: CatalogResults, meta: Record<string, unknown>): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const document = {
    generatedAt: new Date().toISOString(),
    environment: measuredOn(meta),
    ...results,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(document, null, 2)}\n`);
}
