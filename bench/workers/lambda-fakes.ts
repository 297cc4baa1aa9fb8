/** A Lambda context and the events the benchmark sends, built outside the timed sections. */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

let requestCount = 0;

/** A context like the Lambda runtime's: a deadline `timeoutMs` from now, a fresh request id. */
export function fakeContext(timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  requestCount += 1;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'dapr-bindings-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:dapr-bindings-bench',
    memoryLimitInMB: '1024',
    awsRequestId: `00000000-0000-4000-8000-${String(requestCount).padStart(12, '0')}`,
    logGroupName: '/aws/lambda/dapr-bindings-bench',
    logStreamName: '2025/01/01/[$LATEST]bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The `data` of request `i`: small and unique. */
export function payload(i: number): { orderId: string; seq: number } {
  return { orderId: `order-${i}`, seq: i };
}

/**
 * The bytes the binding hands Kafka for `payload(i)`: Go's json.Marshal of the value, which for
 * this shape (ASCII, keys already in byte order) equals JSON.stringify. The raw baseline sends these.
 */
export function payloadBytes(i: number): Buffer {
  return Buffer.from(JSON.stringify(payload(i)), 'utf8');
}

/** An API Gateway HTTP API (v2) `POST /v1.0/bindings/<name>` with a `create` of `payload(i)`. */
export function httpEvent(name: string, i: number): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: `/v1.0/bindings/${name}`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'bench.execute-api.us-east-1.amazonaws.com' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: {
        method: 'POST',
        path: `/v1.0/bindings/${name}`,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: `bench-${i}`,
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2025:00:00:00 +0000',
      timeEpoch: 1735689600000,
    },
    body: JSON.stringify({ operation: 'create', data: payload(i) }),
    isBase64Encoded: false,
  };
}

/** Throws unless the handler answered the HTTP event with 204 (the broker acknowledged the write). */
export function expectNoContent(response: unknown, i: number): void {
  const status = (response as { statusCode?: number } | undefined)?.statusCode;
  if (status !== 204) {
    throw new Error(`invocation ${i} answered ${status ?? 'nothing'}, expected 204: ${JSON.stringify(response)}`);
  }
}

/** Loads a CommonJS bundle by path at run time (not bundled into the worker). */
export function loadBundle<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as T;
}
