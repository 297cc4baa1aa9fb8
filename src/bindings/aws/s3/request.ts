/** Pure parsing of one s3 request as daprd's binding does it (bindings/aws/s3/s3.go), before anything is sent. */
import { isUtf8 } from 'node:buffer';
import { goParseDuration } from '../../go-duration';
import { goFormatFloatF, goTrimSpace } from './go-text';
import { go, goUnmarshal } from './go-unmarshal';

/** The component settings a request may override. */
export interface S3Defaults {
  decodeBase64: boolean;
  encodeBase64: boolean;
  filePath?: string;
  presignTTL?: string;
  storageClass?: string;
}

/** dapr/kit's `IsTruthy`: anything else (even `hello`) is false, never an error. */
export function isTruthy(value: string): boolean {
  return ['y', 'yes', 'true', 't', 'on', '1'].includes(value.trim().toLowerCase());
}

/** daprd's `mergeWithRequestMetadata`: a non-empty request value replaces the component's. */
export function mergeRequestOptions(defaults: S3Defaults, metadata: Readonly<Record<string, string>>): S3Defaults {
  const merged = { ...defaults };
  if (metadata.decodeBase64) merged.decodeBase64 = isTruthy(metadata.decodeBase64);
  if (metadata.encodeBase64) merged.encodeBase64 = isTruthy(metadata.encodeBase64);
  if (metadata.filePath) merged.filePath = metadata.filePath;
  if (metadata.presignTTL) merged.presignTTL = metadata.presignTTL;
  if (metadata.storageClass) merged.storageClass = metadata.storageClass;
  return merged;
}

/** daprd's `parseS3Tags`: `k=v,k2=v2` → `k=v&k2=v2`, entries trimmed; throws daprd's text for a bad entry. */
export function parseTags(raw: string): string {
  const pairs = raw.split(',').map((entry) => {
    const trimmed = goTrimSpace(entry);
    const at = trimmed.indexOf('=');
    const key = at < 0 ? '' : goTrimSpace(trimmed.slice(0, at));
    const value = at < 0 ? '' : goTrimSpace(trimmed.slice(at + 1));
    if (key === '' || value === '') throw new Error(`invalid tag format: '${entry}' (expected key=value)`);
    return `${key}=${value}`;
  });
  return pairs.join('&');
}

/** A presign TTL in whole seconds, from a Go duration; throws daprd's `cannot parse duration` text. */
export function presignSeconds(ttl: string): number {
  try {
    return Math.trunc(goParseDuration(ttl) / 1e9);
  } catch (error) {
    throw new Error(`s3 binding error: cannot parse duration ${ttl}: ${(error as Error).message}`, { cause: error });
  }
}

/** Whether `data` is one JSON string without escapes: its content is then the bytes between the quotes. */
function isPlainJsonString(data: Buffer): boolean {
  const last = data.length - 1;
  if (last < 1 || data[0] !== 0x22 || data[last] !== 0x22) return false;
  for (let i = 1; i < last; i++) {
    const byte = data[i]!;
    if (byte === 0x22 || byte === 0x5c || byte < 0x20) return false;
  }
  return isUtf8(data);
}

/**
 * components-contrib's `commonutils.Unquote`: JSON text decoded, then cast to a string (a string
 * as is, a number in `'f'` format, a bool, `null` as empty); anything else (objects, arrays, not
 * JSON) stays the raw bytes. A plain JSON string is sliced, not copied, so large bodies stay cheap.
 */
export function unquoteData(data: Buffer): Buffer {
  if (isPlainJsonString(data)) return data.subarray(1, data.length - 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    return data;
  }
  if (typeof parsed === 'string') return Buffer.from(parsed, 'utf8');
  if (typeof parsed === 'number') return Number.isFinite(parsed) ? Buffer.from(goFormatFloatF(parsed)) : data;
  if (typeof parsed === 'boolean') return Buffer.from(String(parsed));
  if (parsed === null) return Buffer.alloc(0);
  return data;
}

/** The options of daprd's `list` (its `listPayload`). */
export interface ListOptions {
  marker: string;
  prefix: string;
  maxResults: number;
  delimiter: string;
}

const LIST_PAYLOAD = go.struct('s3.listPayload', {
  marker: go.string,
  prefix: go.string,
  maxResults: go.int32,
  delimiter: go.string,
});

/** daprd's list options from the data; `maxResults` below 1 means 1000. Throws daprd's text. */
export function parseListOptions(data: Buffer): ListOptions {
  let payload: Partial<ListOptions> = {};
  // daprd skips a nil body (gRPC without data); over HTTP absent data is `null`, which sets nothing.
  if (data.length > 0)
    try {
      payload = goUnmarshal<Partial<ListOptions>>(data, LIST_PAYLOAD);
    } catch (error) {
      throw new Error(`s3 binding (List Operation) - unable to parse Data property - ${(error as Error).message}`);
    }
  const maxResults = payload.maxResults ?? 0;
  return {
    marker: payload.marker ?? '',
    prefix: payload.prefix ?? '',
    maxResults: maxResults < 1 ? 1000 : maxResults,
    delimiter: payload.delimiter ?? '',
  };
}
