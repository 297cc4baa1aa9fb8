/** daprd's bulk payloads (`bulkGetPayload`, `bulkCreatePayload`, `bulkDeletePayload`), decoded and checked as it does. */
import { go, goUnmarshal } from './go-unmarshal';

/** One `bulkGet` item. */
export interface BulkGetItem {
  key?: string;
  filePath?: string;
}

/** One `bulkCreate` item: `data` is stored as given (no unquoting), base64-decoded when asked. */
export interface BulkCreateItem {
  key?: string;
  data?: string;
  contentType?: string;
  filePath?: string;
}

const GET_PAYLOAD = go.struct('s3.bulkGetPayload', {
  items: go.slice('[]s3.bulkGetItem', go.struct('s3.bulkGetItem', { key: go.string, filePath: go.string })),
  concurrency: go.int,
});

const CREATE_PAYLOAD = go.struct('s3.bulkCreatePayload', {
  items: go.slice(
    '[]s3.bulkCreateItem',
    go.struct('s3.bulkCreateItem', { key: go.string, data: go.string, contentType: go.string, filePath: go.string }),
  ),
  concurrency: go.int,
});

const DELETE_PAYLOAD = go.struct('s3.bulkDeletePayload', { keys: go.slice('[]string', go.string) });

/** daprd's default number of objects in flight at once. */
const DEFAULT_BULK_CONCURRENCY = 10;

function concurrencyOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_BULK_CONCURRENCY;
  if (value <= 0) throw new Error(`s3 binding error: concurrency must be greater than 0, got ${value}`);
  return value;
}

function decode<T>(data: Buffer, type: Parameters<typeof goUnmarshal>[1], operation: string): T {
  try {
    return goUnmarshal<T>(data, type);
  } catch (error) {
    throw new Error(`s3 binding error: invalid ${operation} payload: ${(error as Error).message}`);
  }
}

/** The `bulkGet` items and concurrency; throws daprd's text. */
export function parseBulkGet(data: Buffer): { items: BulkGetItem[]; concurrency: number } {
  const payload = decode<{ items?: BulkGetItem[]; concurrency?: number }>(data, GET_PAYLOAD, 'bulkGet');
  if (!payload.items?.length) throw new Error('s3 binding error: bulkGet requires at least one item');
  return { items: payload.items, concurrency: concurrencyOf(payload.concurrency) };
}

/** The `bulkCreate` items and concurrency; throws daprd's text. */
export function parseBulkCreate(data: Buffer): { items: BulkCreateItem[]; concurrency: number } {
  const payload = decode<{ items?: BulkCreateItem[]; concurrency?: number }>(data, CREATE_PAYLOAD, 'bulkCreate');
  if (!payload.items?.length) throw new Error('s3 binding error: bulkCreate requires at least one item');
  return { items: payload.items, concurrency: concurrencyOf(payload.concurrency) };
}

/** The `bulkDelete` keys; throws daprd's text. */
export function parseBulkDelete(data: Buffer): string[] {
  const payload = decode<{ keys?: string[] }>(data, DELETE_PAYLOAD, 'bulkDelete');
  if (!payload.keys?.length) throw new Error('s3 binding error: bulkDelete requires at least one key');
  return payload.keys;
}

/** One entry of a bulk answer, daprd's `bulkItemResult` (empty fields are left out, `key` never). */
export interface BulkItemResult {
  key: string;
  data?: string;
  location?: string;
  error?: string;
}
