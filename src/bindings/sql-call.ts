import { clocks, formatGoDuration, formatUtcNanos } from './go-time';

/** The response metadata daprd's SQL bindings (postgres, mysql) add to every exec and query. */
export interface SqlCallTimer {
  /** `operation`, `sql` and `start-time`, already set; callers add `rows-affected`. */
  readonly metadata: Record<string, string>;
  /** Adds `end-time` and `duration` (Go's formats) and returns the metadata. */
  finish(): Record<string, string>;
}

/** Starts timing one SQL call as daprd does: wall-clock start, monotonic duration, UTC RFC3339Nano times. */
export function startSqlCall(operation: string, sql: string): SqlCallTimer {
  const start = clocks();
  const metadata: Record<string, string> = { operation, sql, 'start-time': formatUtcNanos(start.wallNs) };
  return {
    metadata,
    finish: () => {
      const elapsed = process.hrtime.bigint() - start.monoNs;
      metadata['end-time'] = formatUtcNanos(start.wallNs + elapsed);
      metadata.duration = formatGoDuration(elapsed);
      return metadata;
    },
  };
}
