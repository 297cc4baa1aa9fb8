import * as http from 'node:http';
import * as https from 'node:https';
import { DriverFailureError, InvalidRequestMetadataError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse, OperationContext } from '../driver';
import { goOp, joinUnderBase, methodOf, requestHeaders, responseMetadata } from './request';
import { isTruthy, type HttpConfig } from './spec';

type Operation = 'create' | 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'trace';

/** Go's text for the common network failures, near enough (`dial tcp 127.0.0.1:1: connect: connection refused`). */
function networkDetail(url: string, error: unknown): string {
  const cause = (error as { cause?: NodeJS.ErrnoException & { hostname?: string } } | undefined)?.cause;
  const code = cause?.code;
  const host = (() => {
    try {
      const u = new URL(url);
      return u.port ? u.host : `${u.hostname}:${u.protocol === 'https:' ? 443 : 80}`;
    } catch {
      return url;
    }
  })();
  switch (code) {
    case 'ECONNREFUSED':
      return `dial tcp ${host}: connect: connection refused`;
    case 'ENOTFOUND':
      return `dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'EOF';
    default:
      return cause?.message ?? (error as Error).message;
  }
}

/** Reads at most `limit` bytes (no limit when ≤ 0) and drops the rest, as daprd's `io.LimitReader`. */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = Buffer.from(value);
      if (limit > 0 && size + chunk.length >= limit) {
        chunks.push(chunk.subarray(0, limit - size));
        size = limit;
        await reader.cancel().catch(() => {});
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

/** The parts of an answer the driver reads, from fetch or node:http. */
interface Answer {
  status: number;
  reason: string;
  headers: [string, string][];
  setCookies: string[];
  data: Buffer;
}

/** Reads the answer of a fetch call, its body bounded by `limit`. */
async function viaFetch(url: string, init: RequestInit, limit: number): Promise<Answer> {
  const response = await fetch(url, init);
  const data = await readLimited(response.body, limit);
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  const setCookies = response.headers.getSetCookie();
  return { status: response.status, reason: response.statusText, headers, setCookies, data };
}

/** fetch refuses TRACE (a forbidden method), so it goes through node:http (no redirects followed). */
function viaNodeHttp(
  url: string,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  limit: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.request(url, { method, headers, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (limit > 0 && size >= limit) return;
        const part = limit > 0 ? chunk.subarray(0, limit - size) : chunk;
        chunks.push(part);
        size += part.length;
      });
      res.on('error', reject);
      res.on('end', () => {
        const joined = new Map<string, string[]>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          joined.set(name, [...(joined.get(name) ?? []), res.rawHeaders[i + 1]!]);
        }
        const setCookies = joined.get('set-cookie') ?? [];
        joined.delete('set-cookie');
        resolve({
          status: res.statusCode ?? 0,
          reason: res.statusMessage ?? '',
          headers: [...joined].map(([name, values]) => [name, values.join(', ')]),
          setCookies,
          data: Buffer.concat(chunks, size),
        });
      });
    });
    req.on('error', (error) => reject(Object.assign(new Error(error.message), { cause: error })));
    req.end();
  });
}

/** daprd's http binding over Node's fetch: one request per operation, bounded by the call's signal and `responseTimeout`. */
export async function createHttpDriver(config: HttpConfig, context: DriverContext): Promise<Driver<Operation>> {
  const componentErrorIfNot2XX = config.errorIfNot2XX ? isTruthy(config.errorIfNot2XX) : true;
  const token = { header: config.securityTokenHeader, value: config.securityToken };

  const invoke = async (request: InvokeRequest, call: OperationContext): Promise<InvokeResponse> => {
    const metadata = request.metadata;
    const joined = joinUnderBase(config.url, metadata.path ?? '');
    if ('problem' in joined) throw new InvalidRequestMetadataError(request.name, joined.problem);
    const { method, hasBody } = methodOf(request.operation);
    const headers = requestHeaders(metadata, hasBody, token);
    if ('problem' in headers) throw new InvalidRequestMetadataError(request.name, headers.problem);
    const errorIfNot2XX = metadata.errorIfNot2XX ? isTruthy(metadata.errorIfNot2XX) : componentErrorIfNot2XX;
    if (
      metadata.traceparent &&
      Object.keys(metadata).some((k) => k.toLowerCase() === 'traceparent' && k !== 'traceparent')
    ) {
      call.logger.warn('Tracing is enabled. A custom Traceparent request header cannot be specified and is ignored.');
    }

    const signals = [call.signal];
    if (config.responseTimeout !== undefined) signals.push(AbortSignal.timeout(config.responseTimeout));
    const signal = AbortSignal.any(signals);

    const url = joined.url;
    let answer: Answer;
    try {
      answer =
        method === 'TRACE'
          ? await viaNodeHttp(url, method, headers.headers, signal, config.maxResponseBodySize)
          : await viaFetch(
              url,
              // Go's http.Client follows up to 10 redirects; so does fetch (20).
              {
                method,
                headers: headers.headers,
                body: hasBody ? request.data : undefined,
                signal,
                redirect: 'follow',
              },
              config.maxResponseBodySize,
            );
    } catch (error) {
      if (signal.aborted) throw new Error(`${goOp(method)} "${url}": context deadline exceeded`, { cause: error });
      // A network failure: a plain error, so the runtime rebuilds the (stateless) driver.
      throw new Error(`${goOp(method)} "${url}": ${networkDetail(url, error)}`, { cause: error });
    }
    const { status, data } = answer;
    const result = responseMetadata(status, answer.reason, answer.headers, answer.setCookies);
    // Go's transport decompresses a gzip answer it asked for and then drops these two headers.
    const userEncoding = Object.keys(metadata).some((k) => k.toLowerCase() === 'accept-encoding');
    if (
      !userEncoding &&
      method !== 'HEAD' &&
      method !== 'TRACE' &&
      result['Content-Encoding']?.toLowerCase() === 'gzip'
    ) {
      delete result['Content-Encoding'];
      delete result['Content-Length'];
    }
    context.logger.debug('http request done', { method, status, bytes: data.length });

    if (errorIfNot2XX && Math.floor(status / 100) !== 2) {
      // The target answered: a request-level failure that leaves the driver in place, with daprd's metadata.
      throw new DriverFailureError(request.name, `received status code ${status}`, { metadata: result });
    }
    return { data, metadata: result };
  };

  return {
    operations: {
      create: invoke,
      get: invoke,
      head: invoke,
      post: invoke,
      put: invoke,
      patch: invoke,
      delete: invoke,
      options: invoke,
      trace: invoke,
    },
    close: async () => {},
  };
}
