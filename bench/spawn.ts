/** Runs a worker in a fresh plain `node` process and returns its `BENCH_RESULT` line, parsed. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKERS_DIR } from './config';
import { RESULT_PREFIX } from './workers/protocol';

export interface WorkerOptions {
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** A worker failed: its exit code or signal, and the tail of its stderr. */
export class WorkerError extends Error {}

export function runWorker<T>(worker: string, input: unknown, options: WorkerOptions = {}): Promise<T> {
  const file = join(WORKERS_DIR, `${worker}.js`);
  // A plain node: no tsx loader or inherited NODE_OPTIONS in the measured process.
  const env = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), file, JSON.stringify(input)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
        return;
      }
      const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs} ms` : `exited with ${signal ?? code}`;
      const tail = stderr.trim().split('\n').slice(-15).join('\n');
      reject(new WorkerError(`worker ${worker} ${why}${line ? '' : ' without a result'}\n${tail}`));
    });
  });
}
