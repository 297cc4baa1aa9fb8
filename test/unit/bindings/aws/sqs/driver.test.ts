import { GetQueueUrlCommand, QueueDoesNotExist, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DriverFailureError } from '../../../../../src/api/errors';
import { createSqsDriver } from '../../../../../src/bindings/aws/sqs/driver';
import { spec } from '../../../../../src/bindings/aws/sqs/spec';
import { checkComponentProperties } from '../../../../../src/bindings/module';
import { createLogger } from '../../../../../src/runtime/logger';

const logger = createLogger({}, 'silent');
const URL = 'https://sqs.eu-west-1.amazonaws.com/123/orders';

const missing = () =>
  new QueueDoesNotExist({ message: 'The specified queue does not exist.', $metadata: { httpStatusCode: 400 } });

/** Replaces the SDK's network call: each command is recorded and answered by `answer`. */
function fakeSend(answer: (command: unknown) => unknown) {
  const sent: Array<{ command: unknown; signal: AbortSignal | undefined }> = [];
  const spy = jest.spyOn(SQSClient.prototype, 'send').mockImplementation((async (
    command: unknown,
    options?: { abortSignal?: AbortSignal },
  ) => {
    sent.push({ command, signal: options?.abortSignal });
    const reply = answer(command);
    if (reply instanceof Error) throw reply;
    return reply;
  }) as never);
  return { sent, spy };
}

async function driver() {
  const { config } = checkComponentProperties(spec, { queueName: 'orders', region: 'eu-west-1' });
  return createSqsDriver(config, { name: 'orders', logger, signal: new AbortController().signal });
}

const invoke = (data: string) => ({
  name: 'orders',
  operation: 'create',
  data: Buffer.from(data),
  metadata: { a: 'b' },
});

describe('aws.sqs driver', () => {
  afterEach(() => jest.restoreAllMocks());

  it('looks the queue URL up once, then sends the data bytes as the body with the call’s signal; 204', async () => {
    const { sent } = fakeSend((command) => (command instanceof GetQueueUrlCommand ? { QueueUrl: URL } : {}));
    const binding = await driver();
    const signal = new AbortController().signal;
    expect(await binding.operations.create(invoke('"hello"'), { signal, logger })).toBeUndefined();
    expect(await binding.operations.create(invoke('{"a":1}'), { signal, logger })).toBeUndefined();
    expect(sent.map(({ command }) => (command as { input: unknown }).input)).toEqual([
      { QueueName: 'orders' },
      { QueueUrl: URL, MessageBody: '"hello"' },
      { QueueUrl: URL, MessageBody: '{"a":1}' },
    ]);
    expect(sent.every((call) => call.signal === signal)).toBe(true);
    await binding.close();
  });

  it('looks the URL up again when the queue is gone, and sends again when it was re-created', async () => {
    let sends = 0;
    const { sent } = fakeSend((command) => {
      if (command instanceof GetQueueUrlCommand) return { QueueUrl: URL };
      return command instanceof SendMessageCommand && ++sends === 2 ? missing() : {};
    });
    const binding = await driver();
    const signal = new AbortController().signal;
    await binding.operations.create(invoke('1'), { signal, logger });
    await binding.operations.create(invoke('2'), { signal, logger });
    expect(sent.map(({ command }) => (command as object).constructor.name)).toEqual([
      'GetQueueUrlCommand',
      'SendMessageCommand',
      'SendMessageCommand',
      'GetQueueUrlCommand',
      'SendMessageCommand',
    ]);
  });

  it("fails with daprd's GetQueueUrl error when the queue is gone for good, and sends nothing more", async () => {
    let sends = 0;
    const { sent } = fakeSend((command) => {
      if (command instanceof GetQueueUrlCommand) return sends === 0 ? { QueueUrl: URL } : missing();
      sends++;
      return missing();
    });
    const binding = await driver();
    const failure = binding.operations.create(invoke('1'), { signal: new AbortController().signal, logger });
    await expect(failure).rejects.toBeInstanceOf(DriverFailureError);
    await expect(failure).rejects.toThrow(
      /^error invoking output binding orders: operation error SQS: GetQueueUrl, https response error StatusCode: 400, RequestID: , QueueDoesNotExist: /,
    );
    expect(sent).toHaveLength(3);
  });
});
