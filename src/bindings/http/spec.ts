import { defineBinding, field, type DecodedConfig } from '../spec';
import { urlHasPassword } from '../credentials';

/** daprd's `defaultMaxResponseBodySizeBytes` (bindings/http/http.go): 100 MB. */
export const DEFAULT_MAX_RESPONSE_BODY_SIZE = 100 << 20;

/** Without `responseTimeout` daprd waits for the caller's context; here the call is bounded by this. */
const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

const MTLS_REFUSAL = 'mTLS (client certificates and custom root CAs) is not supported yet by this project';

const httpFields = {
  url: field.string({
    description: 'Base URL of the HTTP endpoint; the request metadata `path` is appended under it.',
    required: true,
    sensitive: urlHasPassword,
  }),
  responseTimeout: field.duration({
    description: 'Maximum time for one request, response body included (daprd: none; here the operation timeout).',
  }),
  maxResponseBodySize: field.bytesize({
    description:
      'Response bytes read at most (integer bytes or a size such as `10Mi`); the rest is dropped. 0: no limit.',
    default: DEFAULT_MAX_RESPONSE_BODY_SIZE,
  }),
  errorIfNot2XX: field.string({
    description:
      'Whether a non-2xx answer is an error (Dapr truthy values: 1, true, t, yes, y, on); default true. ' +
      'Overridable per request with the `errorIfNot2XX` metadata.',
  }),
  securityToken: field.string({
    description: 'Token sent in the `securityTokenHeader` header of every request (both must be set).',
    sensitive: true,
  }),
  securityTokenHeader: field.string({ description: 'Header that carries `securityToken`.' }),
  MTLSRootCA: field.string({ description: `Root CA (PEM or file path). ${MTLS_REFUSAL}.`, aliases: ['mtlsRootCA'] }),
  MTLSClientCert: field.string({
    description: `Client certificate (PEM or file path). ${MTLS_REFUSAL}.`,
    aliases: ['mtlsClientCert'],
  }),
  MTLSClientKey: field.string({
    description: `Client private key (PEM or file path). ${MTLS_REFUSAL}.`,
    aliases: ['mtlsClientKey'],
    sensitive: true,
  }),
  MTLSRenegotiation: field.string({
    description: `TLS renegotiation mode. ${MTLS_REFUSAL}.`,
    aliases: ['mtlsRenegotiation'],
  }),
};

/** The decoded http component configuration. */
export type HttpConfig = DecodedConfig<typeof httpFields>;

/** kit's `strings.IsTruthy`: case-insensitive, trimmed. */
export function isTruthy(value: string): boolean {
  return ['y', 'yes', 'true', 't', 'on', '1'].includes(value.trim().toLowerCase());
}

/** Problems with a base URL: it must be an absolute http(s) URL without credentials, query or fragment. */
export function baseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `property url is not a valid absolute URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'property url must use http or https';
  if (parsed.search !== '' || parsed.hash !== '') return 'property url must not carry a query or a fragment';
  return undefined;
}

function validateHttpConfig(config: HttpConfig): string[] {
  const errors: string[] = [];
  const problem = baseUrlProblem(config.url);
  if (problem) errors.push(problem);
  for (const name of ['MTLSRootCA', 'MTLSClientCert', 'MTLSClientKey', 'MTLSRenegotiation'] as const) {
    if (config[name]) errors.push(`property ${name}: ${MTLS_REFUSAL}`);
  }
  if (config.responseTimeout !== undefined && config.responseTimeout <= 0) {
    errors.push('property responseTimeout must be positive');
  }
  return errors;
}

const requestMetadata = {
  path: 'Appended under `url`; it may not leave the base URL (no `..` above it, no `//host`, no absolute URL, no backslash).',
  errorIfNot2XX: 'Overrides the component setting for this request.',
  '<Upper-case key>': 'Any key that starts with A–Z is sent as a request header.',
  traceparent: 'Forwarded as the W3C trace header (also `tracestate`, `baggage`).',
};

const answer =
  '200 with the response body; metadata `statusCode`, `status` and every response header (values joined with ", "). ' +
  'A non-2xx answer fails with `received status code N` (500, with that metadata) unless errorIfNot2XX is false.';

/** The http output binding. Operations in the order of daprd's `Operations()` (bindings/http/http.go). */
export const spec = defineBinding({
  type: 'bindings.http',
  versions: ['v1'],
  description: 'Sends HTTP requests to an endpoint under a base URL.',
  differences: [
    'A `path` that could leave the base URL (`//host`, `..` above it, an absolute URL, encoded dots or slashes, a backslash) is refused and nothing is sent (daprd sends it).',
    'Each request is bounded by `responseTimeout` or the invocation deadline (daprd: no timeout by default). mTLS fields are refused as not supported yet.',
  ],
  metadata: httpFields,
  operations: {
    create: {
      description: `POST with the data as the body (kept for compatibility). ${answer}`,
      metadata: requestMetadata,
    },
    get: { description: `GET. ${answer}`, metadata: requestMetadata },
    head: { description: `HEAD. ${answer}`, metadata: requestMetadata },
    post: { description: `POST with the data bytes verbatim as the body. ${answer}`, metadata: requestMetadata },
    put: { description: `PUT with the data bytes verbatim as the body. ${answer}`, metadata: requestMetadata },
    patch: { description: `PATCH with the data bytes verbatim as the body. ${answer}`, metadata: requestMetadata },
    delete: { description: `DELETE (no body). ${answer}`, metadata: requestMetadata },
    options: { description: `OPTIONS (no body). ${answer}`, metadata: requestMetadata },
    trace: { description: `TRACE (no body). ${answer}`, metadata: requestMetadata },
  },
  validate: (config) => validateHttpConfig(config),
  operationTimeoutMs: (config) => config.responseTimeout ?? DEFAULT_OPERATION_TIMEOUT_MS,
});
