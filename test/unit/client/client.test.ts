import { LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { BindingsClient, BindingsInvokeError, CLIENT_DEFAULTS, DaprBindingError } from '../../../src/client';
import { createLambdaClient } from '../../../src/client/lambda-transport';
import { answering, stubLambda } from './stub-lambda';

const FUNCTION = 'dapr-bindings-test-bindings';

/** The rejection of a promise (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('BindingsClient.send', () => {
  it('sends {name, operation, data, metadata} as one RequestResponse invoke of the function', async () => {
    const stub = answering({ statusCode: 204, metadata: { partition: '0', offset: '3' } });
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    await client.send('checkout', 'create', { orderId: 1 }, { partitionKey: 'k' });
    expect(stub.commands).toHaveLength(1);
    expect(stub.commands[0]!.input).toMatchObject({ FunctionName: FUNCTION, InvocationType: 'RequestResponse' });
    expect(stub.commands[0]!.input.Qualifier).toBeUndefined();
    expect(stub.events()).toEqual([
      { name: 'checkout', operation: 'create', data: { orderId: 1 }, metadata: { partitionKey: 'k' } },
    ]);
  });

  it('leaves data out when undefined and sends metadata {} by default, as the Dapr JS SDK does', async () => {
    const stub = answering({ statusCode: 204 });
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    await client.send('checkout', 'create');
    await client.send('checkout', 'create', null);
    const raw = stub.commands.map((c) => Buffer.from(c.input.Payload as Uint8Array).toString('utf8'));
    expect(raw).toEqual([
      '{"name":"checkout","operation":"create","metadata":{}}',
      '{"name":"checkout","operation":"create","data":null,"metadata":{}}',
    ]);
  });

  it('passes a qualifier on', async () => {
    const stub = answering({ statusCode: 204 });
    const client = new BindingsClient({ functionName: FUNCTION, qualifier: 'live', lambdaClient: stub.lambda });
    await client.send('checkout', 'create');
    expect(stub.commands[0]!.input.Qualifier).toBe('live');
  });

  it('resolves with {data, metadata} from the answer, metadata defaulting to {}', async () => {
    const client = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: answering({ statusCode: 204, metadata: { partition: '0', offset: '3' } }).lambda,
    });
    await expect(client.send('checkout', 'create', 1)).resolves.toEqual({
      data: undefined,
      metadata: { partition: '0', offset: '3' },
    });
    const json = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: answering({ statusCode: 200, data: { rows: [1] } }).lambda,
    });
    await expect(json.send('db', 'query')).resolves.toEqual({ data: { rows: [1] }, metadata: {} });
    const bytes = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: answering({ statusCode: 200, dataBase64: Buffer.from([1, 2, 255]).toString('base64') }).lambda,
    });
    const response = await bytes.send('blob', 'get');
    expect(Buffer.isBuffer(response.data)).toBe(true);
    expect(response.data).toEqual(Buffer.from([1, 2, 255]));
  });

  it('throws a Dapr error answer as DaprBindingError', async () => {
    const client = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: answering({
        statusCode: 500,
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: "error invoking output binding nope: couldn't find output binding nope",
      }).lambda,
    });
    const error = await rejectionOf(client.send('nope', 'create', 1));
    expect(error).toBeInstanceOf(DaprBindingError);
    expect(error).not.toBeInstanceOf(BindingsInvokeError);
    expect(error).toMatchObject({
      name: 'DaprBindingError',
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      statusCode: 500,
      message: "error invoking output binding nope: couldn't find output binding nope",
      metadata: {},
    });
  });

  it('throws a FunctionError as BindingsInvokeError naming the function and carrying the error report', async () => {
    const report = { errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['at y'] };
    const stub = stubLambda(() => ({ StatusCode: 200, FunctionError: 'Unhandled', payload: report }));
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    const error = await rejectionOf(client.send('checkout', 'create'));
    expect(error).toBeInstanceOf(BindingsInvokeError);
    expect(error).toMatchObject({
      name: 'BindingsInvokeError',
      functionName: FUNCTION,
      functionError: 'Unhandled',
      message: `Lambda function ${FUNCTION} failed (FunctionError Unhandled): TypeError: x is not a function`,
      cause: report,
    });
  });

  it('wraps an AWS SDK error in BindingsInvokeError naming the function, the error as its cause', async () => {
    const notFound = new ResourceNotFoundException({
      message: `Function not found: arn:aws:lambda:us-east-1:123:function:${FUNCTION}`,
      $metadata: {},
    });
    const stub = stubLambda(() => Promise.reject(notFound));
    const client = new BindingsClient({ functionName: FUNCTION, qualifier: '3', lambdaClient: stub.lambda });
    const error = await rejectionOf(client.send('checkout', 'create'));
    expect(error).toBeInstanceOf(BindingsInvokeError);
    expect(error).toMatchObject({ functionName: FUNCTION, functionError: undefined, cause: notFound });
    expect((error as Error).message).toBe(
      `invoking Lambda function ${FUNCTION}:3 failed: ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:123:function:${FUNCTION}`,
    );
  });

  it("describes Node's message-less AggregateError of a dual-stack connect by its first error", async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' });
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: 'ECONNREFUSED' });
    const client = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: stubLambda(() => Promise.reject(aggregate)).lambda,
    });
    await expect(client.send('checkout', 'create')).rejects.toThrow(
      `invoking Lambda function ${FUNCTION} failed: AggregateError: connect ECONNREFUSED ::1:9`,
    );
  });

  it.each([
    ['an empty payload', undefined, /answered a payload that is not JSON \(status 200\)/],
    ['a payload that is not JSON', Buffer.from('<html>'), /answered a payload that is not JSON/],
    ['JSON that is no answer', 'hello', /answered no \{statusCode\} object/],
    ['an error without errorCode', { statusCode: 502 }, /answered status 502 without a Dapr errorCode and message/],
  ])('throws BindingsInvokeError for %s', async (_what, payload, message) => {
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: answering(payload).lambda });
    const error = await rejectionOf(client.send('checkout', 'create'));
    expect(error).toBeInstanceOf(BindingsInvokeError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(FUNCTION);
  });
});

describe('BindingsClient.batch', () => {
  it('sends one invoke with the array of events and returns the answers in order, Dapr errors as results', async () => {
    const stub = answering([
      { statusCode: 204, metadata: { offset: '1' } },
      { statusCode: 500, errorCode: 'ERR_INVOKE_OUTPUT_BINDING', message: 'nope' },
      { statusCode: 200, data: 'text' },
    ]);
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    const results = await client.batch([
      { name: 'checkout', operation: 'create', data: { n: 1 }, metadata: { partitionKey: 'a' } },
      { name: 'nope', operation: 'create' },
      { name: 'checkout', operation: 'create', data: 3 },
    ]);
    expect(stub.commands).toHaveLength(1);
    expect(stub.events()).toEqual([
      [
        { name: 'checkout', operation: 'create', data: { n: 1 }, metadata: { partitionKey: 'a' } },
        { name: 'nope', operation: 'create', metadata: {} },
        { name: 'checkout', operation: 'create', data: 3, metadata: {} },
      ],
    ]);
    expect(results).toEqual([
      { ok: true, data: undefined, metadata: { offset: '1' } },
      { ok: false, error: expect.any(DaprBindingError) },
      { ok: true, data: 'text', metadata: {} },
    ]);
    expect(results[1]).toMatchObject({ error: { errorCode: 'ERR_INVOKE_OUTPUT_BINDING', statusCode: 500 } });
  });

  it('resolves an empty batch with [] without invoking', async () => {
    const stub = answering([]);
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    await expect(client.batch([])).resolves.toEqual([]);
    expect(stub.commands).toHaveLength(0);
  });

  it('throws BindingsInvokeError when the answer is not an array of as many answers', async () => {
    const single = new BindingsClient({ functionName: FUNCTION, lambdaClient: answering({ statusCode: 204 }).lambda });
    await expect(single.batch([{ name: 'a', operation: 'b' }])).rejects.toThrow(
      new BindingsInvokeError(`Lambda function ${FUNCTION} answered no array of 1 answers to a batch of 1`, {
        functionName: FUNCTION,
      }),
    );
    const short = new BindingsClient({ functionName: FUNCTION, lambdaClient: answering([{ statusCode: 204 }]).lambda });
    await expect(
      short.batch([
        { name: 'a', operation: 'b' },
        { name: 'a', operation: 'b' },
      ]),
    ).rejects.toBeInstanceOf(BindingsInvokeError);
    const broken = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: answering([{ statusCode: 204 }, 7]).lambda,
    });
    await expect(
      broken.batch([
        { name: 'a', operation: 'b' },
        { name: 'a', operation: 'b' },
      ]),
    ).rejects.toThrow(/answered answer 1 with no \{statusCode\} object/);
  });

  it('throws a FunctionError of the batch invoke instead of returning results', async () => {
    const stub = stubLambda(() => ({ StatusCode: 200, FunctionError: 'Unhandled', payload: { errorMessage: 'boom' } }));
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    await expect(client.batch([{ name: 'a', operation: 'b' }])).rejects.toThrow(
      `Lambda function ${FUNCTION} failed (FunctionError Unhandled): Error: boom`,
    );
  });
});

describe('BindingsClient.sendAndForget', () => {
  it('invokes with InvocationType Event and resolves on 202', async () => {
    const stub = stubLambda(() => ({ StatusCode: 202 }));
    const client = new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda });
    await expect(client.sendAndForget('checkout', 'create', { orderId: 2 })).resolves.toBeUndefined();
    expect(stub.commands[0]!.input).toMatchObject({ FunctionName: FUNCTION, InvocationType: 'Event' });
    expect(stub.events()).toEqual([{ name: 'checkout', operation: 'create', data: { orderId: 2 }, metadata: {} }]);
  });

  it('throws BindingsInvokeError when Lambda does not accept the event', async () => {
    const client = new BindingsClient({
      functionName: FUNCTION,
      lambdaClient: stubLambda(() => ({ StatusCode: 200 })).lambda,
    });
    await expect(client.sendAndForget('checkout', 'create')).rejects.toThrow(
      `Lambda function ${FUNCTION} did not accept the event (status 200, expected 202)`,
    );
  });
});

describe('the LambdaClient', () => {
  it('is created with bounded attempts by default, and clientConfig overrides them', async () => {
    const created = createLambdaClient({ region: 'us-east-1' });
    expect(await created.config.maxAttempts()).toBe(CLIENT_DEFAULTS.maxAttempts);
    created.destroy();
    const overridden = createLambdaClient({ region: 'us-east-1', maxAttempts: 5 });
    expect(await overridden.config.maxAttempts()).toBe(5);
    overridden.destroy();
  });

  it('keeps a request handler instance passed in clientConfig', () => {
    const handler = new NodeHttpHandler({ requestTimeout: 1 });
    const created = createLambdaClient({ region: 'us-east-1', requestHandler: handler });
    expect(created.config.requestHandler).toBe(handler);
    created.destroy();
  });

  it('destroy() closes a client it created, and leaves one passed in open', () => {
    const own = new BindingsClient({ functionName: FUNCTION, clientConfig: { region: 'us-east-1' } });
    const created = (own as unknown as { target: { lambda: LambdaClient } }).target.lambda;
    const destroyCreated = jest.spyOn(created, 'destroy');
    own.destroy();
    expect(destroyCreated).toHaveBeenCalledTimes(1);

    const stub = answering({ statusCode: 204 });
    const destroyPassed = jest.spyOn(stub.lambda, 'destroy');
    new BindingsClient({ functionName: FUNCTION, lambdaClient: stub.lambda }).destroy();
    expect(destroyPassed).not.toHaveBeenCalled();
  });
});
