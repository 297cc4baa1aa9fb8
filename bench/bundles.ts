/**
 * Builds what the bench runs: the handler bundle for bench/components/ with scripts/build.ts (stage
 * "bench", into .build/bench-dist, so dist/ and .build/dev are left alone), and the workers plus the
 * raw-kafkajs baseline bundle with the same esbuild options as scripts/build.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HANDLER_DIR, ROOT, STAGE, WORKERS_DIR } from './config';
import { bundleWorkers } from './environment';

export const RAW_LIB_BUNDLE = join(WORKERS_DIR, 'raw-kafka.js');

export async function buildBundles(): Promise<void> {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--stage', STAGE], {
    cwd: ROOT,
    env: { ...process.env, COMPONENTS_DIR: 'bench/components', BUILD_OUT_DIR: HANDLER_DIR },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `scripts/build.ts failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}${result.stderr}`,
    );
  }
  await bundleWorkers(
    ['cold', 'warm', 'memory', 'raw-kafka'].map((name) => join(ROOT, 'bench', 'workers', `${name}.ts`)),
  );
}
