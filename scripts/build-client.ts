/** Builds the direct-invoke client that apps import as `dapr-lambda-bindings/client`: lib/client/index.{js,d.ts}. */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

async function main(): Promise<void> {
  rmSync(join(root, 'lib/client'), { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src/client/index.ts')],
    outfile: join(root, 'lib/client/index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The app brings its own AWS SDK.
    external: ['@aws-sdk/*', '@smithy/*'],
    logLevel: 'warning',
  });
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.client.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  console.log('built lib/client/index.js and its declarations');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
