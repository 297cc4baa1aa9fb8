/** daprd's bulkGet, bulkCreate and bulkDelete: per-item results, objects in flight bounded by `concurrency`. */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  type DeleteObjectsCommandOutput,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { InvalidRequestMetadataError } from '../../../api/errors';
import type { InvokeRequest, InvokeResponse, OperationContext } from '../../driver';
import { parseBulkCreate, parseBulkDelete, parseBulkGet, type BulkItemResult } from './bulk-request';
import { putObject, sendRecorded } from './client';
import { goSdkErrorText, s3ErrorCode } from './go-errors';
import { goBase64Decode, goTrimSpace } from './go-text';
import { readLocalFile, writeLocalFile } from './local-file';
import { mergeRequestOptions, type S3Defaults } from './request';
import { bulkResultsJson, bytesAsGoString } from './response';

/** What the bulk operations share with the driver. */
export interface BulkContext {
  client: S3Client;
  bucket: string;
  defaults: S3Defaults;
  locate(key: string, recorded: string | undefined): string;
}

/** S3's limit of keys per DeleteObjects call. */
const MAX_DELETE_BATCH = 1000;
/** Sockets a sandbox opens at most, whatever `concurrency` asks (the answer is the same either way). */
const MAX_IN_FLIGHT = 32;

/** Runs `task` over the items with at most `limit` running at once. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, MAX_IN_FLIGHT, items.length) }, worker));
}

/**
 * Each item's result, with at most `limit` items in flight: an item without a key fails with daprd's
 * `key is required`, any other is `handle`d.
 */
async function eachKeyedItem<T extends { key?: string }>(
  items: readonly T[],
  limit: number,
  handle: (item: T, key: string) => Promise<BulkItemResult>,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = items.map((item) => ({ key: item.key ?? '' }));
  await eachLimited(items, limit, async (item, index) => {
    const key = item.key ?? '';
    results[index] = key === '' ? { key: '', error: 'key is required' } : await handle(item, key);
  });
  return results;
}

function parsed<T>(request: InvokeRequest, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new InvalidRequestMetadataError(request.name, (error as Error).message);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** bulkGet: each object's bytes (base64 with encodeBase64) in `data`, or written to its `filePath`. */
export async function bulkGet(
  context: BulkContext,
  request: InvokeRequest,
  { signal }: OperationContext,
): Promise<InvokeResponse> {
  const options = mergeRequestOptions(context.defaults, request.metadata);
  const { items, concurrency } = parsed(request, () => parseBulkGet(request.data));
  const results = await eachKeyedItem(items, concurrency, async (item, key): Promise<BulkItemResult> => {
    let bytes: Buffer;
    try {
      const { output } = await sendRecorded<GetObjectCommandOutput>(
        context.client,
        new GetObjectCommand({ Bucket: context.bucket, Key: key }),
        signal,
      );
      const array = (await output.Body?.transformToByteArray()) ?? new Uint8Array();
      bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    } catch (error) {
      const text = s3ErrorCode(error) === 'NoSuchKey' ? 'object not found' : goSdkErrorText('GetObject', error);
      return { key, error: text };
    }
    const encoded = options.encodeBase64 ? Buffer.from(bytes.toString('base64')) : bytes;
    if (item.filePath === undefined) return { key, data: bytesAsGoString(encoded) };
    try {
      await writeLocalFile(item.filePath, encoded);
      return { key };
    } catch (error) {
      return { key, error: message(error) };
    }
  });
  return { data: bulkResultsJson(results) };
}

/** bulkCreate: each item's `data` (as given, no unquoting) or `filePath` uploaded; its location or error. */
export async function bulkCreate(
  context: BulkContext,
  request: InvokeRequest,
  { signal }: OperationContext,
): Promise<InvokeResponse> {
  const options = mergeRequestOptions(context.defaults, request.metadata);
  const { items, concurrency } = parsed(request, () => parseBulkCreate(request.data));
  const results = await eachKeyedItem(items, concurrency, async (item, key): Promise<BulkItemResult> => {
    try {
      let body: Buffer;
      if (item.filePath !== undefined) body = await readLocalFile(item.filePath);
      else if (item.data !== undefined) body = Buffer.from(item.data, 'utf8');
      else return { key, error: 'either data or filePath is required' };
      if (options.decodeBase64) body = goBase64Decode(body);
      const input = { Bucket: context.bucket, Key: key, Body: body, ContentType: item.contentType };
      let uploaded;
      try {
        uploaded = await putObject(context.client, input, signal);
      } catch (error) {
        return { key, error: goSdkErrorText('PutObject', error) };
      }
      return { key, location: context.locate(key, uploaded.location) };
    } catch (error) {
      return { key, error: message(error) };
    }
  });
  return { data: bulkResultsJson(results) };
}

/** bulkDelete: DeleteObjects over the distinct non-blank keys in batches of 1000; per-key errors. */
export async function bulkDelete(
  context: BulkContext,
  request: InvokeRequest,
  { signal }: OperationContext,
): Promise<InvokeResponse> {
  const keys = parsed(request, () => parseBulkDelete(request.data));
  const results: BulkItemResult[] = keys.map((key) => ({ key }));
  const indices = new Map<string, number[]>();
  for (const [index, key] of keys.entries()) {
    if (goTrimSpace(key) === '') {
      results[index]!.error = 'key is required';
      continue;
    }
    indices.set(key, [...(indices.get(key) ?? []), index]);
  }
  const distinct = [...indices.keys()];
  for (let start = 0; start < distinct.length; start += MAX_DELETE_BATCH) {
    const batch = distinct.slice(start, start + MAX_DELETE_BATCH);
    const fail = (key: string, text: string) => {
      for (const index of indices.get(key) ?? []) results[index]!.error = text;
    };
    try {
      const { output } = await sendRecorded<DeleteObjectsCommandOutput>(
        context.client,
        new DeleteObjectsCommand({
          Bucket: context.bucket,
          Delete: { Objects: batch.map((key) => ({ Key: key })), Quiet: false },
        }),
        signal,
      );
      for (const failure of output.Errors ?? []) {
        if (failure.Key !== undefined) fail(failure.Key, failure.Message ?? 'unknown error');
      }
    } catch (error) {
      const text = goSdkErrorText('DeleteObjects', error);
      for (const key of batch) fail(key, text);
    }
  }
  return { data: bulkResultsJson(results) };
}
