import { sdkClientConfig, X509_UNSUPPORTED } from '../../../../../src/aws/binding-auth';
import { serviceFailureMessage, transportFailureMessage } from '../../../../../src/bindings/aws/ses/failure';
import { spec } from '../../../../../src/bindings/aws/ses/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';
import { fullCatalog } from '../../../../../src/bindings/registry';
import { isAwsServiceError } from '../../../../../src/aws/service-error';
import { MessageRejected, SESServiceException } from '@aws-sdk/client-ses';

function check(properties: Record<string, string>) {
  return checkComponentProperties(spec, properties);
}

describe('aws.ses component metadata', () => {
  it("decodes daprd's names, case-insensitively as daprd's decoder does", () => {
    const { config, errors, unknown } = check({
      region: 'eu-west-1',
      accessKey: 'AK',
      secretKey: 'SK',
      sessionToken: 'ST',
      EmailFrom: 'from@example.com',
      emailTO: 'to@example.com',
      emailCC: 'cc@example.com',
      emailbcc: 'bcc@example.com',
      subject: 'Hi',
    });
    expect(errors).toEqual([]);
    expect(unknown).toEqual([]);
    expect(config).toMatchObject({
      region: 'eu-west-1',
      emailFrom: 'from@example.com',
      emailTo: 'to@example.com',
      emailCc: 'cc@example.com',
      emailBcc: 'bcc@example.com',
      subject: 'Hi',
    });
  });

  it('needs no field at all: daprd checks the addressing per request', () => {
    expect(check({}).errors).toEqual([]);
  });

  it('refuses IAM Roles Anywhere (all three x509 fields), and accepts assumeRoleArn alone as daprd ignores it', () => {
    const x509 = { trustAnchorArn: 'arn:a', trustProfileArn: 'arn:p', assumeRoleArn: 'arn:r' };
    expect(check(x509).errors).toEqual([X509_UNSUPPORTED]);
    expect(check({ assumeRoleArn: 'arn:r' }).errors).toEqual([]);
    expect(check({ trustAnchorArn: 'arn:a', assumeRoleArn: 'arn:r' }).errors).toEqual([]);
  });

  it('marks the keys sensitive, lists the one create operation and is registered', () => {
    expect(spec.metadata.secretKey.options.sensitive).toBe(true);
    expect(spec.metadata.sessionToken.options.sensitive).toBe(true);
    expect(Object.keys(spec.operations)).toEqual(['create']);
    expect(fullCatalog['bindings.aws.ses']?.spec).toBe(spec);
  });
});

describe('aws.ses client options', () => {
  const decode = (properties: Record<string, string>) => check(properties).config;

  it('uses static keys only when both accessKey and secretKey are set (else the default chain)', () => {
    expect(sdkClientConfig(decode({ accessKey: 'AK', secretKey: 'SK', sessionToken: 'ST' })).credentials).toEqual({
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      sessionToken: 'ST',
    });
    expect(sdkClientConfig(decode({ accessKey: 'AK' })).credentials).toBeUndefined();
    expect(sdkClientConfig(decode({ secretKey: 'SK' })).credentials).toBeUndefined();
  });

  it('passes region and endpoint, and bounds attempts and connections', () => {
    const options = sdkClientConfig(decode({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' }));
    expect(options).toMatchObject({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000', maxAttempts: 2 });
    expect(options.requestHandler).toEqual({ connectionTimeout: 5_000, requestTimeout: 10_000 });
  });
});

describe('aws.ses failure messages', () => {
  const $metadata = { httpStatusCode: 400, requestId: 'req-1' };

  it('formats a modeled SendEmail error as aws-sdk-go-v2 does (Code: message)', () => {
    const error = new MessageRejected({ message: 'Email address is not verified.', $metadata });
    expect(isAwsServiceError(error)).toBe(true);
    expect(serviceFailureMessage(error)).toBe(
      'SES binding error. Sending email failed: operation error SES: SendEmail, https response error StatusCode: 400, RequestID: req-1, MessageRejected: Email address is not verified.',
    );
  });

  it('formats any other code as a GenericAPIError (api error Code: message)', () => {
    const error = new SESServiceException({
      name: 'Throttling',
      $fault: 'client',
      message: 'Maximum sending rate exceeded.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(serviceFailureMessage(error)).toBe(
      'SES binding error. Sending email failed: operation error SES: SendEmail, https response error StatusCode: 400, RequestID: , api error Throttling: Maximum sending rate exceeded.',
    );
  });

  it("keeps daprd's prefix on a transport failure", () => {
    expect(transportFailureMessage(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(
      'SES binding error. Sending email failed: operation error SES: SendEmail, connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});
