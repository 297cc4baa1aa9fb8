import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsCommand,
  type GetObjectCommandOutput,
  type ListObjectsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { DriverFailureError, InvalidRequestMetadataError } from '../../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse, OperationContext } from '../../driver';
import { bulkCreate, bulkDelete, bulkGet } from './bulk';
import { createS3Client, presignGet, putObject, sendRecorded } from './client';
import { s3Failure } from './errors';
import { s3ErrorCode } from './go-errors';
import { goBase64Decode, goTrimSpace } from './go-text';
import { OutsideTmpError, readLocalFile } from './local-file';
import {
  mergeRequestOptions,
  parseListOptions,
  parseTags,
  presignSeconds,
  unquoteData,
  type S3Defaults,
} from './request';
import { createResponseJson, listOutputJson, presignResponseJson } from './response';
import { endpointOf, type S3Config } from './spec';

type Operation = 'create' | 'get' | 'delete' | 'list' | 'presign' | 'bulkGet' | 'bulkCreate' | 'bulkDelete';

/** daprd's `buildLocation` fallback when the upload did not record a URL. */
export function fallbackLocation(config: S3Config, bucket: string, key: string): string {
  const endpoint = endpointOf(config);
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/${bucket}/${key}`;
  if (config.forcePathStyle) return `https://s3.amazonaws.com/${bucket}/${key}`;
  return `https://${bucket}.s3.amazonaws.com/${key}`;
}

/** The request's `key`, required by every operation but create. */
function requiredKey(request: InvokeRequest): string {
  const key = request.metadata.key;
  if (!key) throw new InvalidRequestMetadataError(request.name, "s3 binding error: required metadata 'key' missing");
  return key;
}

/** Whole seconds of a presign TTL; daprd's error text for one Go cannot parse. */
function ttlSeconds(request: InvokeRequest, ttl: string): number {
  try {
    const seconds = presignSeconds(ttl);
    if (seconds < 0) throw new Error('s3 binding error: failed to presign URL: the expiration must not be negative');
    return seconds;
  } catch (error) {
    throw new InvalidRequestMetadataError(request.name, `s3 binding error: ${(error as Error).message}`);
  }
}

/** Creates the component's S3 client (no connection yet) and serves daprd's eight operations. */
export async function createS3Driver(config: S3Config, context: DriverContext): Promise<Driver<Operation>> {
  const client: S3Client = createS3Client(config);
  const bucket = config.bucket;
  const defaults: S3Defaults = {
    decodeBase64: config.decodeBase64,
    encodeBase64: config.encodeBase64,
    filePath: config.filePath,
    presignTTL: config.presignTTL,
    storageClass: config.storageClass,
  };
  const presignOrFail = async (request: InvokeRequest, key: string, seconds: number): Promise<string> => {
    try {
      return await presignGet(client, bucket, key, seconds);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error); // the signer rejects with a string
      throw new DriverFailureError(
        request.name,
        `s3 binding error: s3 binding error: failed to presign URL: ${detail}`,
      );
    }
  };
  const locate = (key: string, recorded: string | undefined) => recorded ?? fallbackLocation(config, bucket, key);

  const bodyOf = async (request: InvokeRequest, options: S3Defaults): Promise<Buffer> => {
    let body: Buffer;
    if (options.filePath) {
      try {
        body = await readLocalFile(options.filePath);
      } catch (error) {
        const fail = error instanceof OutsideTmpError ? InvalidRequestMetadataError : DriverFailureError;
        throw new fail(request.name, `s3 binding error: file read error: ${(error as Error).message}`);
      }
    } else body = unquoteData(request.data);
    if (!options.decodeBase64) return body;
    try {
      return goBase64Decode(body);
    } catch (error) {
      throw new InvalidRequestMetadataError(
        request.name,
        `s3 binding error: uploading failed: ${(error as Error).message}`,
      );
    }
  };

  const create = async (request: InvokeRequest, { signal }: OperationContext): Promise<InvokeResponse> => {
    const options = mergeRequestOptions(defaults, request.metadata);
    const key = request.metadata.key || randomUUID();
    const contentType = goTrimSpace(request.metadata['Content-Type'] ?? '');
    let tagging: string | undefined;
    if ('tags' in request.metadata) {
      try {
        tagging = parseTags(request.metadata.tags!);
      } catch (error) {
        const detail = `s3 binding error: parsing tags falied error: ${(error as Error).message}`;
        throw new InvalidRequestMetadataError(request.name, detail);
      }
    }
    const seconds = options.presignTTL ? ttlSeconds(request, options.presignTTL) : undefined;
    const body = await bodyOf(request, options);
    let uploaded: Awaited<ReturnType<typeof putObject>>;
    try {
      uploaded = await putObject(
        client,
        {
          Bucket: bucket,
          Key: key,
          Body: body,
          ...(contentType ? { ContentType: contentType } : {}),
          ...(options.storageClass ? { StorageClass: options.storageClass as never } : {}),
          ...(tagging ? { Tagging: tagging } : {}),
        },
        signal,
      );
    } catch (error) {
      throw s3Failure(request.name, 's3 binding error: uploading failed', 'PutObject', error);
    }
    let presignUrl: string | undefined;
    if (seconds !== undefined) presignUrl = await presignOrFail(request, key, seconds);
    return {
      data: createResponseJson(locate(key, uploaded.location), uploaded.versionId, presignUrl),
      metadata: { key },
    };
  };

  const get = async (request: InvokeRequest, { signal }: OperationContext): Promise<InvokeResponse> => {
    const options = mergeRequestOptions(defaults, request.metadata);
    const key = requiredKey(request);
    let bytes: Buffer;
    try {
      const { output } = await sendRecorded<GetObjectCommandOutput>(
        client,
        new GetObjectCommand({ Bucket: bucket, Key: key }),
        signal,
      );
      const array = (await output.Body?.transformToByteArray()) ?? new Uint8Array();
      bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    } catch (error) {
      if (s3ErrorCode(error) === 'NoSuchKey') throw new DriverFailureError(request.name, 'object not found');
      throw s3Failure(request.name, 's3 binding error: error downloading S3 object', 'GetObject', error);
    }
    return { data: options.encodeBase64 ? Buffer.from(bytes.toString('base64')) : bytes };
  };

  const remove = async (request: InvokeRequest, { signal }: OperationContext): Promise<void> => {
    const key = requiredKey(request);
    try {
      await sendRecorded(client, new DeleteObjectCommand({ Bucket: bucket, Key: key }), signal);
    } catch (error) {
      if (s3ErrorCode(error) === 'NoSuchKey') throw new DriverFailureError(request.name, 'object not found');
      throw s3Failure(request.name, 's3 binding error: delete operation failed', 'DeleteObject', error);
    }
  };

  const list = async (request: InvokeRequest, { signal }: OperationContext): Promise<InvokeResponse> => {
    let options;
    try {
      options = parseListOptions(request.data);
    } catch (error) {
      throw new InvalidRequestMetadataError(request.name, (error as Error).message);
    }
    try {
      const { output } = await sendRecorded<ListObjectsCommandOutput>(
        client,
        new ListObjectsCommand({
          Bucket: bucket,
          MaxKeys: options.maxResults,
          Marker: options.marker,
          Prefix: options.prefix,
          Delimiter: options.delimiter,
        }),
        signal,
      );
      return { data: listOutputJson(output) };
    } catch (error) {
      throw s3Failure(request.name, 's3 binding error: list operation failed', 'ListObjects', error);
    }
  };

  const presign = async (request: InvokeRequest): Promise<InvokeResponse> => {
    const options = mergeRequestOptions(defaults, request.metadata);
    const key = requiredKey(request);
    if (!options.presignTTL) {
      throw new InvalidRequestMetadataError(request.name, "s3 binding error: required metadata 'presignTTL' missing");
    }
    const url = await presignOrFail(request, key, ttlSeconds(request, options.presignTTL));
    return { data: presignResponseJson(url) };
  };

  const bulk = { client, bucket, defaults, locate };
  return {
    operations: {
      create,
      get,
      delete: remove,
      list,
      presign,
      bulkGet: (request, operation) => bulkGet(bulk, request, operation),
      bulkCreate: (request, operation) => bulkCreate(bulk, request, operation),
      bulkDelete: (request, operation) => bulkDelete(bulk, request, operation),
    },
    close: async () => {
      context.logger.debug('closing the S3 client');
      client.destroy();
    },
  };
}
