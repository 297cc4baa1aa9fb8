import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './processes';

const ROOT = join(__dirname, '..', '..');
const SERVERLESS = join(ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
const OUTPUT_LIMIT = 256 * 1024;
const STOP_GRACE_MS = 10_000;

/** The Lambda function name serverless-offline exposes for direct invokes on the dev stage. */
export const FUNCTION_NAME = 'dapr-bindings-dev-bindings';

/** A running serverless-offline: its ports, base URLs, captured output, and how to stop it. */
export interface OfflineInstance {
  httpPort: number;
  lambdaPort: number;
  /** `http://127.0.0.1:<httpPort>` */
  baseUrl: string;
  /** `http://127.0.0.1:<lambdaPort>`, the endpoint for `@aws-sdk/client-lambda`. */
  lambdaEndpoint: string;
  pid: number;
  /** Everything the child wrote to stdout and stderr so far (the last 256 KiB). */
  output(): string;
  /** Stops the whole process group and waits until it is gone. */
  stop(): Promise<void>;
}

/** Options for {@link startOffline}. */
export interface StartOfflineOptions {
  /** Extra environment for serverless-offline and the function (e.g. `DAPR_API_TOKEN`). */
  env?: Record<string, string>;
  /** How long to wait for `GET /v1.0/healthz` to answer 204 (default 90 s). */
  readyTimeoutMs?: number;
  stage?: string;
}

// Groups started by this process, killed synchronously if the test process exits without stopping them.
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
});

/** Sends a signal to a process group; false when the group no longer exists. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no process of the group remains (zombies of an unreaped leader excepted by `exited`). */
async function waitGroupGone(pgid: number, exited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The leader stays a zombie (and the group "exists") until Node reaps it, so also wait for the exit event.
    if (!signalGroup(pgid, 0) && exited()) return true;
    await sleep(100);
  }
  return !signalGroup(pgid, 0) && exited();
}

/** Stops a serverless-offline group: SIGTERM, then SIGKILL after a grace period; resolves when none is left. */
async function stopGroup(child: ChildProcess, exited: () => boolean): Promise<void> {
  const pgid = child.pid!;
  if (!liveGroups.has(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  if (!(await waitGroupGone(pgid, exited, STOP_GRACE_MS))) {
    signalGroup(pgid, 'SIGKILL');
    if (!(await waitGroupGone(pgid, exited, STOP_GRACE_MS))) {
      throw new Error(`serverless-offline process group ${pgid} survived SIGKILL`);
    }
  }
  liveGroups.delete(pgid);
  child.stdout?.destroy();
  child.stderr?.destroy();
}

/** GET `url` and return the status, or undefined when nothing answers (yet). */
async function probe(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Starts serverless-offline on fresh free ports and resolves once `GET /v1.0/healthz` answers 204. */
export async function startOffline(options: StartOfflineOptions = {}): Promise<OfflineInstance> {
  // A free port can be taken between probing and binding; a lost race shows as EADDRINUSE, so retry.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(options: StartOfflineOptions): Promise<OfflineInstance> {
  const httpPort = await freePort();
  let lambdaPort = await freePort();
  while (lambdaPort === httpPort) lambdaPort = await freePort();
  const stage = options.stage ?? 'dev';
  const child = spawn(process.execPath, [SERVERLESS, 'offline', 'start', '--stage', stage], {
    cwd: ROOT,
    // Its own process group, so stop() reaches every process it spawns.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DAPR_API_TOKEN: '',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      ...options.env,
      PORT: String(httpPort),
      LAMBDA_PORT: String(lambdaPort),
    },
  });
  if (child.pid === undefined) throw new Error('could not spawn serverless-offline');
  liveGroups.add(child.pid);

  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let exitInfo: string | undefined;
  child.once('exit', (code, signal) => {
    exitInfo = `exited with ${signal ?? `code ${code}`}`;
  });
  const exited = () => exitInfo !== undefined;

  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const instance: OfflineInstance = {
    httpPort,
    lambdaPort,
    baseUrl,
    lambdaEndpoint: `http://127.0.0.1:${lambdaPort}`,
    pid: child.pid,
    output: () => output,
    stop: () => stopGroup(child, exited),
  };

  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  let lastStatus: number | undefined;
  while (Date.now() < deadline) {
    if (exited()) break;
    lastStatus = await probe(`${baseUrl}/v1.0/healthz`);
    if (lastStatus === 204) return instance;
    await sleep(250);
  }
  const why = exited()
    ? `serverless-offline ${exitInfo} before it was ready`
    : `serverless-offline not ready within ${timeoutMs}ms (last healthz status: ${lastStatus ?? 'no answer'})`;
  await instance.stop().catch(() => undefined);
  throw new Error(`${why}; its output:\n${output}`);
}

/** Stops an instance if there is one (for afterAll, where beforeAll may have failed). */
export async function stopOffline(instance: OfflineInstance | undefined): Promise<void> {
  if (instance) await instance.stop();
}
