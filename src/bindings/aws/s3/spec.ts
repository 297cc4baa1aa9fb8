import { awsAuthFields, validateAwsAuth } from '../../../aws/binding-auth';
import { defineBinding, field, type DecodedConfig } from '../../spec';

/** The aws.s3 component's fields, with daprd's names (bindings/aws/s3/s3.go `s3Metadata`). */
const s3Fields = {
  ...awsAuthFields,
  region: field.string({ description: "AWS region (default: the function's region).", aliases: ['awsRegion'] }),
  bucket: field.string({ description: 'Name of the bucket every operation uses.', required: true }),
  forcePathStyle: field.bool({
    description: 'Path-style URLs (`https://<endpoint>/<bucket>/<key>`) instead of virtual-hosted ones.',
    default: false,
  }),
  decodeBase64: field.bool({
    description: 'Base64-decode the data before storing it (per request too).',
    default: false,
  }),
  encodeBase64: field.bool({ description: 'Base64-encode object bytes on `get` (per request too).', default: false }),
  disableSSL: field.bool({ description: 'An `endpoint` without a scheme is reached over `http://`.', default: false }),
  insecureSSL: field.bool({ description: "Don't verify the endpoint's TLS certificate (unsafe).", default: false }),
  filePath: field.string({ description: 'Default local file to upload from (under /tmp on Lambda).' }),
  presignTTL: field.string({ description: 'Default TTL (Go duration) of presigned URLs; `create` then returns one.' }),
  storageClass: field.string({ description: 'Default storage class of created objects, e.g. STANDARD_IA.' }),
};

/** The decoded aws.s3 component configuration. */
export type S3Config = DecodedConfig<typeof s3Fields>;

/** daprd's endpoint: with `disableSSL`, one without a scheme gets `http://` (else `https://` here). */
export function endpointOf(config: Pick<S3Config, 'endpoint' | 'disableSSL'>): string | undefined {
  const endpoint = config.endpoint;
  if (!endpoint) return undefined;
  if (/^https?:\/\//.test(endpoint)) return endpoint;
  return `${config.disableSSL ? 'http' : 'https'}://${endpoint}`;
}

/** The aws.s3 output binding. Operations in the order of daprd's `Operations()` (components-contrib v1.18.4). */
export const spec = defineBinding({
  type: 'bindings.aws.s3',
  versions: ['v1'],
  description: 'Stores, reads, lists, deletes and presigns objects in one S3 bucket.',
  differences: [
    'Bad request metadata (tags, presignTTL, base64 data, a filePath outside /tmp) is refused before anything is uploaded; daprd uploads first when only the presign TTL is bad.',
    "`filePath` (create, bulkGet, bulkCreate) must be under the function's temporary folder (/tmp on Lambda); files are read into memory.",
    "Objects are uploaded with one PutObject (bodies are at most 4 MiB), not daprd's multipart transfer manager; an `endpoint` without a scheme and without `disableSSL` gets `https://`.",
    'Presigned URLs are signed by the JavaScript SDK (same validity, different query parameter order); IAM Roles Anywhere auth is refused at build time.',
    "Errors carry aws-sdk-go-v2's text (`operation error S3: …`); network failures other than a refused connection keep Node's wording.",
  ],
  metadata: s3Fields,
  operations: {
    create: {
      description:
        'PutObject of the data (unquoted when it is a JSON string/number/bool, base64-decoded with decodeBase64); ' +
        '200 with `{"location":…,"versionID":…,"presignURL":…}` and header `metadata.key`.',
      metadata: {
        key: 'Object key; a random UUID when absent.',
        'Content-Type': 'Content type of the object.',
        tags: 'Tags as `k=v,k2=v2`.',
        storageClass: 'Storage class (overrides the component).',
        presignTTL: 'Also return a presigned GET URL valid this long (Go duration).',
        decodeBase64: 'Base64-decode the data first.',
        filePath: 'Upload this local file (under /tmp) instead of the data.',
      },
    },
    get: {
      description: 'The object bytes (200); a missing key fails with `object not found`.',
      metadata: { key: 'Required.', encodeBase64: 'Answer the bytes base64-encoded.' },
    },
    delete: { description: 'DeleteObject; 204.', metadata: { key: 'Required.' } },
    list: {
      description:
        'ListObjects with data `{"maxResults","prefix","marker","delimiter"}`; 200 with aws-sdk-go-v2\'s ListObjectsOutput as JSON.',
    },
    presign: {
      description: 'A presigned GET URL: `{"presignURL":…}`.',
      metadata: { key: 'Required.', presignTTL: 'Required (or set on the component): Go duration.' },
    },
    bulkGet: {
      description:
        'Data `{"items":[{"key","filePath"}],"concurrency"}`; 200 with `[{"key","data"|"error"}]` (per-item errors).',
      metadata: { encodeBase64: 'Base64-encode each object.' },
    },
    bulkCreate: {
      description:
        'Data `{"items":[{"key","data","contentType","filePath"}],"concurrency"}`; 200 with `[{"key","location"|"error"}]`.',
      metadata: { decodeBase64: "Base64-decode each item's data." },
    },
    bulkDelete: {
      description: 'Data `{"keys":[…]}`: DeleteObjects in batches of 1000; 200 with `[{"key","error"}]`.',
    },
  },
  validate: (config) => validateAwsAuth(config),
  operationTimeoutMs: () => 30_000,
});
