/**
 * The function's Lambda settings from serverless.yml (provider.memorySize, provider.timeout), so the
 * fake context's deadline and the memory run's V8 flags match the deployment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './config';

export interface LambdaSettings {
  memoryMb: number;
  timeoutMs: number;
  /** The V8 flags the Lambda Node.js runtime's bootstrap derives from the memory size. */
  v8Flags: string[];
}

function setting(yaml: string, name: string, fallback: number): number {
  const match = new RegExp(`^\\s+${name}:\\s*(\\d+)\\s*$`, 'm').exec(yaml);
  return match ? Number(match[1]) : fallback;
}

export function lambdaSettings(): LambdaSettings {
  let yaml = '';
  try {
    yaml = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  } catch {
    // Defaults below.
  }
  const memoryMb = setting(yaml, 'memorySize', 1024);
  const timeoutMs = setting(yaml, 'timeout', 6) * 1000;
  // Lambda's bootstrap: new space = memory/10, semi-space = half of it, old space = the rest.
  const newSpace = Math.floor(memoryMb / 10);
  return {
    memoryMb,
    timeoutMs,
    v8Flags: [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`],
  };
}
