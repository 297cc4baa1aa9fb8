import { goSdkErrorText, s3ErrorCode } from '../../../../../src/bindings/aws/s3/go-errors';

function serviceError(name: string, message: string, status: number, attempts = 1) {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'RID', extendedRequestId: 'HID', attempts },
  });
}

describe("aws-sdk-go-v2's error text", () => {
  it('prints modeled S3 errors as `Code: message` and others as `api error Code: message`', () => {
    expect(goSdkErrorText('PutObject', serviceError('NoSuchBucket', 'The specified bucket does not exist', 404))).toBe(
      'operation error S3: PutObject, https response error StatusCode: 404, RequestID: RID, HostID: HID, NoSuchBucket: The specified bucket does not exist',
    );
    expect(
      goSdkErrorText(
        'GetObject',
        serviceError(
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint.',
          301,
        ),
      ),
    ).toBe(
      'operation error S3: GetObject, https response error StatusCode: 301, RequestID: RID, HostID: HID, api error PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint.',
    );
    expect(s3ErrorCode(serviceError('NoSuchKey', 'x', 404))).toBe('NoSuchKey');
    expect(s3ErrorCode(new Error('socket hang up'))).toBeUndefined();
  });

  it('names the attempts when the retryer gave up on a retryable answer', () => {
    expect(
      goSdkErrorText('ListObjects', serviceError('InternalError', 'We encountered an internal error.', 500, 2)),
    ).toBe(
      'operation error S3: ListObjects, exceeded maximum number of attempts, 2, https response error StatusCode: 500, RequestID: RID, HostID: HID, api error InternalError: We encountered an internal error.',
    );
  });
});
