import type { LogFields, Logger } from '../../src/runtime/logger';

/** A logger that keeps every line as the JSON text the real one would write, for searching. */
export function recordingLogger(lines: string[] = [], base: LogFields = {}): Logger & { lines: string[] } {
  const write = (level: string) => (message: string, fields?: LogFields) => {
    lines.push(JSON.stringify({ level, message, ...base, ...fields }));
  };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => recordingLogger(lines, { ...base, ...fields }),
  };
}
