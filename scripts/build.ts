/**
 * Builds the Lambda bundle for one stage: validates the stage's components against their binding
 * specs (any error fails the build), then bundles the handler with only the drivers they use, and
 * writes the IAM statements the stage needs to `.build/<stage>/iam.json` (and to `--iam-out`).
 * Usage: tsx scripts/build.ts [--stage <stage>] [--iam-out <file>]   (or STAGE=...; default dev)
 * Env: COMPONENTS_DIR (default components), BUILD_OUT_DIR (default dist), APP_ID.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fullCatalog } from '../src/bindings/registry';
import { bundledModuleSource } from '../src/bundle/generate-module';
import { bindingDeclarations } from '../src/client/declarations';
import { loadStage } from '../src/components/load-stage';
import { deriveIamStatements, type IamStatement } from '../src/deploy/iam';

const root = resolve(__dirname, '..');
// The module apps import the direct-invoke client from (package.json `exports`).
const CLIENT_MODULE = 'dapr-lambda-bindings/client';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const stage = argument('stage') ?? process.env.STAGE ?? 'dev';
  const appId = process.env.APP_ID || 'dapr-bindings';
  const componentsDir = resolve(root, process.env.COMPONENTS_DIR ?? 'components');
  const outDir = resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');

  const { manifest, errors, warnings } = loadStage({ dir: componentsDir, stage, appId, catalog: fullCatalog, root });
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  if (errors.length > 0) {
    for (const error of errors) console.error(`error: ${error}`);
    console.error(`build failed: ${errors.length} component error(s) for stage "${stage}"`);
    process.exit(1);
  }

  let statements: IamStatement[];
  try {
    statements = deriveIamStatements(manifest);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    console.error(`build failed: cannot derive the IAM statements for stage "${stage}"`);
    process.exit(1);
  }
  const iamJson = `${JSON.stringify(statements, null, 2)}\n`;

  const generatedDir = join(root, '.build', stage);
  mkdirSync(generatedDir, { recursive: true });
  const generated = join(generatedDir, 'bundled.ts');
  // esbuild reads the module from memory: another build of the same stage may rewrite the file meanwhile.
  const generatedSource = bundledModuleSource(manifest, join(root, 'src'));
  writeFileSync(generated, generatedSource);
  writeFileSync(join(generatedDir, 'iam.json'), iamJson);
  const iamOut = argument('iam-out');
  if (iamOut) writeFileSync(resolve(iamOut), iamJson);

  rmSync(outDir, { recursive: true, force: true });
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [join(root, 'src/handlers/lambda.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // The AWS SDK is bundled, not taken from the runtime: Lambda documents neither which @aws-sdk
    // packages its runtime carries (s3-request-presigner, @smithy/* are not guaranteed) nor their
    // versions, and AWS recommends shipping your own. Only a stage with AWS components pays for it.
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'bundled-components',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /[\\/]bundle[\\/]bundled$/ }, () => ({ path: generated }));
          pluginBuild.onLoad({ filter: /[\\/]bundled\.ts$/ }, (args) =>
            args.path === generated ? { contents: generatedSource, loader: 'ts', resolveDir: generatedDir } : undefined,
          );
        },
      },
    ],
  });
  // Apps include this file to make `client.send('checkout', 'creat')` a compile error.
  writeFileSync(join(outDir, 'bindings.d.ts'), bindingDeclarations(manifest, fullCatalog, CLIENT_MODULE));
  const names = manifest.components.map((c) => `${c.name} (${c.type})`).join(', ') || 'none';
  const kb = (statSync(outfile).size / 1024).toFixed(1);
  const iam = statements.length === 0 ? 'no IAM statements' : `${statements.length} IAM statement(s)`;
  console.log(
    `built stage "${stage}" for app "${appId}": ${names}; ${outfile.replace(`${root}/`, '')} ${kb} KB; ${iam}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
