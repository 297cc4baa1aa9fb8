import { InvalidRequestMetadataError } from '../../api/errors';
import { parseDuration } from '../metadata';
import type { InvokeRequest } from '../driver';

/** daprd's message when a request has no (or an empty) `key` (bindings/redis/redis.go). */
export const MISSING_KEY = 'redis binding: missing key in request metadata';

/** The Redis commands one operation sends, in order. */
export type RedisCommand = [
  name: 'SET' | 'GET' | 'GETDEL' | 'DEL' | 'INCR' | 'EXPIRE',
  ...args: Array<string | Buffer | number>,
];

/** `key`, exactly as daprd reads it: the exact-case key, present and non-empty. */
function requestKey(request: InvokeRequest): string {
  const key = request.metadata.key;
  if (key === undefined || key === '') throw new InvalidRequestMetadataError(request.name, MISSING_KEY);
  return key;
}

const MAX_SECONDS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** Go's `time.ParseDuration` in whole seconds (truncated), or undefined when the text is not a duration. */
function goDurationSeconds(raw: string): number | undefined {
  const sign = raw.startsWith('-') ? -1 : 1;
  const unsigned = raw.replace(/^[+-]/, '');
  if (unsigned === '0') return 0;
  if (unsigned === '' || /^\d+$/.test(unsigned) || /\s/.test(unsigned)) return undefined;
  try {
    return Math.trunc((sign * parseDuration(unsigned)) / 1000);
  } catch {
    return undefined;
  }
}

/**
 * The TTL of `create` and `increment` with daprd's `metadata.TryGetTTL`: `ttl` or `ttlInSeconds`
 * (names case-insensitive, `ttl` first), a Go duration or a positive whole number of seconds. A
 * negative duration is 0; the seconds are truncated, as daprd's `EXPIRE key int(ttl.Seconds())`.
 */
export function requestTtlSeconds(request: InvokeRequest): number | undefined {
  const lower = new Map(Object.entries(request.metadata).map(([k, v]) => [k.toLowerCase(), v]));
  const raw = lower.get('ttl') ?? lower.get('ttlinseconds') ?? '';
  if (raw === '') return undefined;
  const fromDuration = goDurationSeconds(raw);
  if (fromDuration !== undefined) return Math.min(Math.max(fromDuration, 0), MAX_SECONDS);
  if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new InvalidRequestMetadataError(request.name, `ttl value must be a valid integer: actual is '${raw}'`);
  }
  const seconds = Number(raw);
  if (seconds <= 0) {
    throw new InvalidRequestMetadataError(request.name, `ttl value must be higher than zero: actual is '${seconds}'`);
  }
  return Math.min(seconds, MAX_SECONDS);
}

/**
 * The commands daprd sends for an operation, checked before anything is sent. daprd's `create`
 * sends SET and then, with a TTL, EXPIRE; this sends one atomic `SET key data EX ttl` instead.
 * A TTL that truncates to 0 makes daprd's EXPIRE delete the key at once: that outcome is a DEL.
 */
export function commandsFor(request: InvokeRequest): RedisCommand[] {
  const key = requestKey(request);
  switch (request.operation) {
    case 'create': {
      const ttl = requestTtlSeconds(request);
      if (ttl === undefined) return [['SET', key, request.data]];
      if (ttl === 0) return [['DEL', key]];
      return [['SET', key, request.data, 'EX', ttl]];
    }
    case 'get':
      return [[request.metadata.delete === 'true' ? 'GETDEL' : 'GET', key]];
    case 'delete':
      return [['DEL', key]];
    case 'increment': {
      const ttl = requestTtlSeconds(request);
      return ttl === undefined
        ? [['INCR', key]]
        : [
            ['INCR', key],
            ['EXPIRE', key, ttl],
          ];
    }
    default:
      // Unreachable through the runtime, which checks the operation against the spec first.
      throw new InvalidRequestMetadataError(request.name, `invalid operation type: ${request.operation}`);
  }
}
