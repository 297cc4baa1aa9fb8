import { NotFoundException, SNSClient } from '@aws-sdk/client-sns';
import { DriverFailureError, InvalidRequestMetadataError } from '../../../../../src/api/errors';
import { createSnsDriver } from '../../../../../src/bindings/aws/sns/driver';
import { spec } from '../../../../../src/bindings/aws/sns/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';
import { createLogger } from '../../../../../src/runtime/logger';

const logger = createLogger({}, 'silent');
const ARN = 'arn:aws:sns:eu-west-1:123456789012:orders';

function fakeSend(answer: () => unknown) {
  const sent: Array<{ input: unknown; signal: AbortSignal | undefined }> = [];
  jest.spyOn(SNSClient.prototype, 'send').mockImplementation((async (
    command: { input: unknown },
    options?: { abortSignal?: AbortSignal },
  ) => {
    sent.push({ input: command.input, signal: options?.abortSignal });
    const reply = answer();
    if (reply instanceof Error) throw reply;
    return reply;
  }) as never);
  return sent;
}

async function driver() {
  const { config } = checkComponentProperties(spec, { topicArn: ARN, region: 'eu-west-1' });
  return createSnsDriver(config, { name: 'orders', logger, signal: new AbortController().signal });
}

const invoke = (data: string) => ({ name: 'orders', operation: 'create', data: Buffer.from(data), metadata: {} });

describe('aws.sns driver', () => {
  afterEach(() => jest.restoreAllMocks());

  it('publishes Message and Subject to the topic with the call’s signal; 204', async () => {
    const sent = fakeSend(() => ({ MessageId: 'm-1' }));
    const binding = await driver();
    const signal = new AbortController().signal;
    expect(
      await binding.operations.create(invoke('{"message":"hi","subject":"s"}'), { signal, logger }),
    ).toBeUndefined();
    expect(sent).toEqual([{ input: { TopicArn: ARN, Message: 'hi', Subject: 's' }, signal }]);
    await binding.close();
  });

  it('sends nothing for data that is not a JSON object', async () => {
    const sent = fakeSend(() => ({}));
    const binding = await driver();
    await expect(
      binding.operations.create(invoke('"text"'), { signal: new AbortController().signal, logger }),
    ).rejects.toBeInstanceOf(InvalidRequestMetadataError);
    expect(sent).toEqual([]);
  });

  it("fails with the Go SDK's text for an error SNS answered, keeping the client", async () => {
    fakeSend(() =>
      Object.assign(
        new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404, requestId: 'R' } }),
        { Code: 'NotFound' },
      ),
    );
    const binding = await driver();
    const failure = binding.operations.create(invoke('{"message":"m"}'), {
      signal: new AbortController().signal,
      logger,
    });
    await expect(failure).rejects.toBeInstanceOf(DriverFailureError);
    await expect(failure).rejects.toThrow(
      'error invoking output binding orders: operation error SNS: Publish, https response error StatusCode: 404, RequestID: R, NotFound: Topic does not exist',
    );
  });
});
