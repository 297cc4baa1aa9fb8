/** A minimal structured logger: one JSON line per event on stdout/stderr, the shape CloudWatch indexes. */

/** Fields attached to a log line. Never put secret values here. */
export type LogFields = Record<string, unknown>;

/** The logging surface every module uses. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof LEVELS;

function levelFromEnv(): Level {
  const wanted = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  return wanted in LEVELS ? (wanted as Level) : 'info';
}

/** Describes an error for a log line: name, message and the cause chain, without stack noise. */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const fields: LogFields = { error: error.message, errorName: error.name };
  if (error.cause !== undefined) fields.cause = describeError(error.cause);
  return fields;
}

/** Creates a logger with the given base fields, filtered by `LOG_LEVEL` (default info). */
export function createLogger(base: LogFields = {}, level: Level = levelFromEnv()): Logger {
  const write = (at: Level, message: string, fields?: LogFields): void => {
    if (LEVELS[at] < LEVELS[level]) return;
    const line = JSON.stringify({ level: at, time: new Date().toISOString(), message, ...base, ...fields });
    if (LEVELS[at] >= LEVELS.warn) process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }, level),
  };
}
