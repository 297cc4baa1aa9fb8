/**
 * Builds the two cold-start stages with scripts/build.ts (COMPONENTS_DIR bench/catalog/stages/<stage>,
 * BUILD_OUT_DIR .build/bench-catalog/<stage>), and the memory workers (next to the Kafka bench's, in
 * .build/bench-workers, as `catalog-memory-<binding>.js`) with the same esbuild options.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleWorkers } from '../environment';
import { BUILD_DIR, ROOT, STAGES_DIR } from './config';

/** The cold-start stages: a Kafka-only one, and the same Kafka component plus aws.s3, aws.sqs and aws.dynamodb. */
export const STAGES = ['kafka', 'aws'] as const;
/** One of the cold-start stages. */
export type Stage = (typeof STAGES)[number];

/** The handler bundle scripts/build.ts writes for a stage. */
export const stageBundle = (stage: Stage): string => join(BUILD_DIR, stage, 'index.js');

/** Runs scripts/build.ts for one stage; throws with its output when it fails. */
function buildStage(stage: Stage): void {
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/build.ts', '--stage', `bench-catalog-${stage}`],
    {
      cwd: ROOT,
      env: { ...process.env, COMPONENTS_DIR: join(STAGES_DIR, stage), BUILD_OUT_DIR: join(BUILD_DIR, stage) },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `scripts/build.ts (stage ${stage}) failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}${result.stderr}`,
    );
  }
}

/** The bindings with a memory worker (bench/catalog/workers/memory-<binding>.ts). */
export const MEMORY_BINDINGS = ['s3', 'postgresql'] as const;

/** The worker name `bench/spawn.ts` runs for a binding's memory worker. */
export const memoryWorker = (binding: (typeof MEMORY_BINDINGS)[number]): string => `catalog-memory-${binding}`;

/** Builds both stages and the memory workers. */
export async function buildAll(): Promise<void> {
  for (const stage of STAGES) buildStage(stage);
  await bundleWorkers(
    Object.fromEntries(
      MEMORY_BINDINGS.map((b) => [memoryWorker(b), join(ROOT, 'bench', 'catalog', 'workers', `memory-${b}.ts`)]),
    ),
  );
}
