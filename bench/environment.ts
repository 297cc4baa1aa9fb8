/** What the bench shares between its runners: the machine a result was measured on, and how workers are bundled. */
import { cpus } from 'node:os';
import { build } from 'esbuild';
import { WORKERS_DIR } from './config';

/** The machine and Node a result was measured on, with the runner's own facts added. */
export function measuredOn(meta: Record<string, unknown>): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    ...meta,
  };
}

/** Bundles worker entry points into WORKERS_DIR with the esbuild options of scripts/build.ts. */
export async function bundleWorkers(entryPoints: string[] | Record<string, string>): Promise<void> {
  await build({
    entryPoints,
    outdir: WORKERS_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
  });
}
