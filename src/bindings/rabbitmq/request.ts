import type { Options } from 'amqplib';
import { InvalidRequestMetadataError } from '../../api/errors';
import type { InvokeRequest } from '../driver';
import { parseTtlMs, TtlError, ttlText } from './ttl';

/** daprd's default content type of a published message (bindings/rabbitmq/rabbitmq.go). */
export const DEFAULT_CONTENT_TYPE = 'text/plain';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * `priority` as daprd's `metadata.TryGetPriority`: the exact key, a Go `strconv.Atoi` integer,
 * clamped to 0–255 (an out-of-range value is not an error there).
 */
export function requestPriority(request: InvokeRequest): number | undefined {
  const raw = request.metadata.priority;
  if (raw === undefined || raw === '') return undefined;
  const invalid = () =>
    new InvalidRequestMetadataError(request.name, `priority value must be a valid integer: actual is '${raw}'`);
  if (!/^[+-]?\d+$/.test(raw)) throw invalid();
  const value = BigInt(raw);
  if (value < INT64_MIN || value > INT64_MAX) throw invalid();
  if (value < 0n) return 0;
  return value > 255n ? 255 : Number(value);
}

/** The per-message expiration in milliseconds (`ttl`, else `ttlInSeconds`), with daprd's `failed to get TTL` errors. */
export function requestExpirationMs(request: InvokeRequest): number | undefined {
  const raw = ttlText(request.metadata);
  if (raw === '') return undefined;
  try {
    return parseTtlMs(raw);
  } catch (error) {
    if (!(error instanceof TtlError)) throw error;
    throw new InvalidRequestMetadataError(request.name, `failed to get TTL: ${error.message}`);
  }
}

/** daprd's `TryGetProperty`: the exact key with a non-empty value, else any key equal ignoring case. */
export function propertyIgnoringCase(metadata: Readonly<Record<string, string>>, key: string): string | undefined {
  const exact = metadata[key];
  if (exact !== undefined && exact !== '') return exact;
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(metadata)) {
    if (value !== '' && name.toLowerCase() === lower) return value;
  }
  return undefined;
}

/**
 * The AMQP properties daprd's `create` publishes with, checked before anything is sent: persistent,
 * `text/plain` unless `contentType` says otherwise, every request metadata entry as a string header,
 * and `ttlInSeconds`, `priority`, `messageID`, `correlationID`, `type` mapped to their properties.
 */
export function publishOptions(request: InvokeRequest): Options.Publish {
  const expirationMs = requestExpirationMs(request);
  const priority = requestPriority(request);
  const { metadata } = request;
  const options: Options.Publish = {
    persistent: true,
    mandatory: false,
    contentType: propertyIgnoringCase(metadata, 'contentType') ?? DEFAULT_CONTENT_TYPE,
    headers: { ...metadata },
  };
  if (expirationMs !== undefined) options.expiration = String(expirationMs);
  if (priority !== undefined) options.priority = priority;
  const messageId = propertyIgnoringCase(metadata, 'messageID');
  if (messageId !== undefined) options.messageId = messageId;
  const correlationId = propertyIgnoringCase(metadata, 'correlationID');
  if (correlationId !== undefined) options.correlationId = correlationId;
  const type = propertyIgnoringCase(metadata, 'type');
  if (type !== undefined) options.type = type;
  return options;
}
