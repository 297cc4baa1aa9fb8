import { QueueDoesNotExist, SQSServiceException } from '@aws-sdk/client-sqs';
import { DriverFailureError } from '../../../src/api/errors';
import { goSdkErrorText, requestUrl, sdkFailure, type GoSdkCall } from '../../../src/aws/go-sdk-error';

const call = (overrides: Partial<GoSdkCall> = {}): GoSdkCall => ({
  service: 'SQS',
  operation: 'GetQueueUrl',
  modeled: new Set(['QueueDoesNotExist']),
  queryCompatible: true,
  url: 'http://127.0.0.1:4566/',
  maxAttempts: 2,
  ...overrides,
});

function withQueryHeader<T extends Error>(error: T, header?: string): T {
  Object.defineProperty(error, '$response', {
    value: { statusCode: 400, headers: header ? { 'x-amzn-query-error': header } : {} },
    enumerable: false,
  });
  return error;
}

const missingQueue = (header?: string) =>
  withQueryHeader(
    new QueueDoesNotExist({
      message: 'The specified queue does not exist.',
      $metadata: { httpStatusCode: 400, requestId: 'REQ-1', attempts: 1 },
    }),
    header,
  );

describe('Go SDK error text', () => {
  it("words a modeled error with the x-amzn-query-error code, as the Go SDK's ErrorCodeOverride", () => {
    expect(goSdkErrorText(call(), missingQueue('AWS.SimpleQueueService.NonExistentQueue;Sender'))).toBe(
      'operation error SQS: GetQueueUrl, https response error StatusCode: 400, RequestID: REQ-1, ' +
        'AWS.SimpleQueueService.NonExistentQueue: The specified queue does not exist.',
    );
  });

  it('falls back to the shape name without the header (or with a malformed one)', () => {
    for (const header of [undefined, 'NoTypePart']) {
      expect(goSdkErrorText(call(), missingQueue(header))).toMatch(
        /, QueueDoesNotExist: The specified queue does not exist\.$/,
      );
    }
  });

  it('words an error the operation does not model as a GenericAPIError (api error Code: message)', () => {
    const error = withQueryHeader(
      new SQSServiceException({
        name: 'MissingParameter',
        $fault: 'client',
        message: 'The request must contain the parameter MessageGroupId.',
        $metadata: { httpStatusCode: 400, requestId: 'REQ-2' },
      }),
      'MissingParameter;Sender',
    );
    expect(goSdkErrorText(call({ operation: 'SendMessage' }), error)).toBe(
      'operation error SQS: SendMessage, https response error StatusCode: 400, RequestID: REQ-2, ' +
        'api error MissingParameter: The request must contain the parameter MessageGroupId.',
    );
  });

  it('uses the wire Code of a Query-protocol service (SNS) for modeled and unmodeled errors', () => {
    const sns = call({
      service: 'SNS',
      operation: 'Publish',
      modeled: new Set(['NotFoundException']),
      queryCompatible: false,
    });
    const notFound = Object.assign(
      new SQSServiceException({
        name: 'NotFoundException',
        $fault: 'client',
        message: 'Topic does not exist',
        $metadata: { httpStatusCode: 404, requestId: 'R3' },
      }),
      { Code: 'NotFound' },
    );
    expect(goSdkErrorText(sns, notFound)).toBe(
      'operation error SNS: Publish, https response error StatusCode: 404, RequestID: R3, NotFound: Topic does not exist',
    );
    const throttled = Object.assign(
      new SQSServiceException({
        name: 'Throttling',
        $fault: 'client',
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400, requestId: 'R4', attempts: 1 },
      }),
      { Code: 'Throttling' },
    );
    expect(goSdkErrorText(sns, throttled)).toMatch(/, api error Throttling: Rate exceeded$/);
  });

  it('prefixes the retry wrapper once the SDK gave up on a retryable failure', () => {
    const server = new SQSServiceException({
      name: 'InternalError',
      $fault: 'server',
      message: 'boom',
      $metadata: { httpStatusCode: 500, requestId: 'R5', attempts: 2 },
    });
    expect(goSdkErrorText(call(), withQueryHeader(server))).toBe(
      'operation error SQS: GetQueueUrl, exceeded maximum number of attempts, 2, https response error StatusCode: 500, RequestID: R5, api error : boom',
    );
  });

  it("words a refused connection as Go's net package, and other transport failures with Node's text", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), {
      $metadata: { attempts: 2 },
    });
    expect(goSdkErrorText(call(), refused)).toBe(
      'operation error SQS: GetQueueUrl, exceeded maximum number of attempts, 2, https response error StatusCode: 0, RequestID: , ' +
        'request send failed, Post "http://127.0.0.1:4566/": dial tcp 127.0.0.1:4566: connect: connection refused',
    );
    const wrapped = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED ::1:80');
    expect(goSdkErrorText(call(), wrapped)).toMatch(
      /request send failed, Post "http:\/\/127\.0\.0\.1:4566\/": dial tcp \[::1\]:80: connect: connection refused$/,
    );
    expect(goSdkErrorText(call(), new Error('socket hang up'))).toMatch(
      /, request send failed, Post "[^"]+": socket hang up$/,
    );
  });

  it('keeps the client for an AWS answer (DriverFailureError) and lets the pool rebuild it for anything else', () => {
    const answered = sdkFailure('orders', call(), missingQueue());
    expect(answered).toBeInstanceOf(DriverFailureError);
    expect(answered.message).toMatch(/^error invoking output binding orders: operation error SQS: GetQueueUrl, /);
    const transport = sdkFailure('orders', call(), new Error('socket hang up'));
    expect(transport).not.toBeInstanceOf(DriverFailureError);
    expect(transport.message).toMatch(/^operation error SQS: GetQueueUrl, /);
  });

  it('posts to the endpoint override root, or to the regional endpoint', () => {
    expect(requestUrl('sqs', 'eu-west-1', undefined)).toBe('https://sqs.eu-west-1.amazonaws.com/');
    expect(requestUrl('sns', 'us-east-1', 'http://localhost:4566/')).toBe('http://localhost:4566/');
    expect(requestUrl('sns', 'us-east-1', 'http://localhost:4566')).toBe('http://localhost:4566/');
  });
});
