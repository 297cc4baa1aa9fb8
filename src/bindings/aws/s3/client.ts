/** The S3 SDK client of one component, and the two things daprd's SDK gives for free: the upload URL and presigning. */
import { Agent } from 'node:https';
import {
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { CONNECT_TIMEOUT_MS, sdkClientConfig } from '../../../aws/binding-auth';
import { endpointOf, type S3Config } from './spec';

/** One S3 client per component: path style, endpoint scheme and TLS checks as daprd's Init sets them. */
export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    ...sdkClientConfig({ ...config, endpoint: endpointOf(config) }),
    forcePathStyle: config.forcePathStyle,
    // No per-exchange bound: a large object may take long (the operation's deadline still applies).
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      ...(config.insecureSSL ? { httpsAgent: new Agent({ keepAlive: true, rejectUnauthorized: false }) } : {}),
    },
  });
}

/** Where a request went, as Go's net/http names it in a transport error: `Put "http://host/bucket/key?x-id=PutObject"`. */
interface SentRequest {
  method: string;
  url: string;
  /** The URL without its query: daprd's upload `location`. */
  location: string;
}

const sentRequests = new WeakMap<object, SentRequest>();

/** The request a failed call had sent (or tried to), for Go's `request send failed, …` text. */
export function requestOf(error: unknown): SentRequest | undefined {
  return typeof error === 'object' && error !== null ? sentRequests.get(error) : undefined;
}

/** Go's `url.Values.Encode`: keys sorted, `QueryEscape`d, `k=` for an empty value. */
function goQuery(query: Record<string, string | string[] | null | undefined>): string {
  const escape = (text: string) =>
    encodeURIComponent(text)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return Object.keys(query)
    .sort()
    .flatMap((key) => {
      const value = query[key];
      const values = value == null ? [''] : Array.isArray(value) ? value : [value];
      return values.map((item) => `${escape(key)}=${escape(item)}`);
    })
    .join('&');
}

/**
 * Sends one command, remembering the URL it went to: its `location` (what daprd's transfer manager
 * reports for an upload) on success, and on the error for Go's transport error text.
 */
export async function sendRecorded<Output extends object>(
  client: S3Client,
  command: { middlewareStack: { add: (middleware: never, options: object) => void } },
  signal: AbortSignal,
): Promise<{ output: Output; location: string | undefined }> {
  let sent: SentRequest | undefined;
  const record = (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
    const request = args.request as {
      method?: string;
      protocol?: string;
      hostname?: string;
      port?: number;
      path?: string;
      query?: Record<string, string>;
    };
    const scheme = (request.protocol ?? 'https').replace(/:$/, '');
    const location = `${scheme}://${request.hostname}${request.port ? `:${request.port}` : ''}${request.path ?? '/'}`;
    const query = goQuery(request.query ?? {});
    const method = request.method ?? 'GET';
    sent = {
      method: method[0] + method.slice(1).toLowerCase(),
      url: query ? `${location}?${query}` : location,
      location,
    };
    return next(args);
  };
  command.middlewareStack.add(record as never, { step: 'finalizeRequest', name: 'daprRecordRequest' });
  try {
    const output = (await client.send(command as never, { abortSignal: signal })) as Output;
    return { output, location: sent?.location };
  } catch (error) {
    if (sent && typeof error === 'object' && error !== null) sentRequests.set(error, sent);
    throw error;
  }
}

/** PutObject, answering the URL the object was sent to (daprd's `location`) and the version ID. */
export async function putObject(
  client: S3Client,
  input: PutObjectCommandInput,
  signal: AbortSignal,
): Promise<{ location: string | undefined; versionId: string | undefined }> {
  const { output, location } = await sendRecorded<PutObjectCommandOutput>(client, new PutObjectCommand(input), signal);
  return { location, versionId: output.VersionId };
}

/** A presigned GET URL valid `seconds` (0 means aws-sdk-go-v2's default of 15 minutes). */
export function presignGet(client: S3Client, bucket: string, key: string, seconds: number): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: seconds === 0 ? 900 : seconds,
  });
}
