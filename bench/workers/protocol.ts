/**
 * How a worker (a plain `node` child, no tsx) gets its input and hands back its figures:
 * input as JSON in argv[2]; output as one `BENCH_RESULT <json>` line on stdout, so the handler's
 * own log lines on stdout cannot be mistaken for it.
 */

/** The line prefix that marks a worker's result on stdout. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What every worker is told: the bundle under test, the function's timeout, and where to send. */
export interface WorkerTarget {
  /** The function's timeout: the fake context's deadline. */
  timeoutMs: number;
  bundle: string;
  brokers: string;
  topic: string;
  component: string;
}

/** Reads the worker's JSON input from argv[2]. */
export function workerInput<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('worker input (JSON) missing from argv[2]');
  return JSON.parse(raw) as T;
}

/** Writes the result line and exits once stdout has flushed (open Kafka sockets would keep the process alive). */
export function finish(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
}

/** Runs a worker's main, turning any failure into a message on stderr and exit code 1. */
export function runWorker(main: () => Promise<unknown>): void {
  main().then(finish, (error: unknown) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
