/** daprd's s3 answers as Go's `json.Marshal` writes them: struct fields in declaration order. */
import type { ListObjectsCommandOutput, _Object, CommonPrefix } from '@aws-sdk/client-s3';
import { goQuote } from '../../../api/go-json';
import type { BulkItemResult } from './bulk-request';
import { goStringOfBytes } from './go-text';

type Field = [name: string, json: string];

function object(fields: Field[]): string {
  return `{${fields.map(([name, json]) => `${goQuote(name)}:${json}`).join(',')}}`;
}

const str = (value: string | undefined | null): string => (value == null ? 'null' : goQuote(value));
const enumText = (value: string | undefined): string => goQuote(value ?? '');
const num = (value: number | undefined): string => (value === undefined ? 'null' : String(value));
const bool = (value: boolean | undefined): string => (value === undefined ? 'null' : String(value));

/** Go's `time.Time` JSON (RFC 3339 with the fraction's trailing zeros dropped), or null. */
function time(value: Date | undefined): string {
  if (value === undefined) return 'null';
  return goQuote(value.toISOString().replace(/\.?0+Z$/, 'Z'));
}

function list<T>(items: readonly T[] | undefined, each: (item: T) => string): string {
  return items === undefined || items.length === 0 ? 'null' : `[${items.map(each).join(',')}]`;
}

/** daprd's `createResponse`: `location`, `versionID` (null when unversioned), `presignURL` when set. */
export function createResponseJson(location: string, versionId: string | undefined, presignUrl?: string): Buffer {
  const fields: Field[] = [
    ['location', goQuote(location)],
    ['versionID', str(versionId)],
  ];
  if (presignUrl) fields.push(['presignURL', goQuote(presignUrl)]);
  return Buffer.from(object(fields));
}

/** daprd's `presignResponse`. */
export function presignResponseJson(url: string): Buffer {
  return Buffer.from(object([['presignURL', goQuote(url)]]));
}

/** daprd's `[]bulkItemResult`, `omitempty` on everything but `key`. */
export function bulkResultsJson(results: readonly BulkItemResult[]): Buffer {
  const each = (result: BulkItemResult) => {
    const fields: Field[] = [['key', goQuote(result.key)]];
    if (result.data) fields.push(['data', goQuote(result.data)]);
    if (result.location) fields.push(['location', goQuote(result.location)]);
    if (result.error) fields.push(['error', goQuote(result.error)]);
    return object(fields);
  };
  return Buffer.from(`[${results.map(each).join(',')}]`);
}

/** A downloaded object's bytes as the Go string daprd puts in a bulk answer. */
export function bytesAsGoString(bytes: Buffer): string {
  return goStringOfBytes(bytes);
}

function objectJson(item: _Object): string {
  const owner = item.Owner;
  const restore = item.RestoreStatus;
  return object([
    ['ChecksumAlgorithm', list(item.ChecksumAlgorithm, (algorithm) => goQuote(algorithm))],
    ['ChecksumType', enumText(item.ChecksumType)],
    ['ETag', str(item.ETag)],
    ['Key', str(item.Key)],
    ['LastModified', time(item.LastModified)],
    [
      'Owner',
      owner
        ? object([
            ['DisplayName', str(owner.DisplayName)],
            ['ID', str(owner.ID)],
          ])
        : 'null',
    ],
    [
      'RestoreStatus',
      restore
        ? object([
            ['IsRestoreInProgress', bool(restore.IsRestoreInProgress)],
            ['RestoreExpiryDate', time(restore.RestoreExpiryDate)],
          ])
        : 'null',
    ],
    ['Size', num(item.Size)],
    ['StorageClass', enumText(item.StorageClass)],
  ]);
}

const prefixJson = (prefix: CommonPrefix) => object([['Prefix', str(prefix.Prefix)]]);

/**
 * aws-sdk-go-v2's `s3.ListObjectsOutput` through Go's `json.Marshal`, which daprd's `list` answers:
 * Go field names, nil pointers and empty slices as null, enums as strings, `ResultMetadata` as `{}`.
 */
export function listOutputJson(output: ListObjectsCommandOutput): Buffer {
  return Buffer.from(
    object([
      ['CommonPrefixes', list(output.CommonPrefixes, prefixJson)],
      ['Contents', list(output.Contents, objectJson)],
      ['Delimiter', str(output.Delimiter)],
      ['EncodingType', enumText(output.EncodingType)],
      ['IsTruncated', bool(output.IsTruncated)],
      ['Marker', str(output.Marker)],
      ['MaxKeys', num(output.MaxKeys)],
      ['Name', str(output.Name)],
      ['NextMarker', str(output.NextMarker)],
      ['Prefix', str(output.Prefix)],
      ['RequestCharged', enumText(output.RequestCharged)],
      ['ResultMetadata', '{}'],
    ]),
  );
}
