/**
 * `npm test`: brings up the services the suite needs (installing them where missing), runs every
 * jest project one file at a time, and ends with the line `N passed, N failed`.
 * Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const resultsFile = join(root, '.jest-results.json');
const jestArgs = process.argv.slice(2);
const unitOnly = jestArgs.join(' ').match(/--selectProjects[ =]unit$/) !== null;

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

if (!unitOnly && run('bash', [join(root, 'scripts/services/up.sh')]) !== 0) {
  console.error('services:up failed; the integration and end-to-end tests need the services');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

rmSync(resultsFile, { force: true });
// One file at a time: the suites share one broker, and one of them restarts it.
const status = run(join(root, 'node_modules/.bin/jest'), [
  '--runInBand',
  '--json',
  `--outputFile=${resultsFile}`,
  ...jestArgs,
]);

if (!existsSync(resultsFile)) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
};
// A suite that fails to load has no tests to count, so count it as one failure.
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(status);
