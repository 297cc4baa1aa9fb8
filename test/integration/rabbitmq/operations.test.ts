import type { BundledComponent } from '../../../src/components/types';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { eventually } from '../../support/processes';
import { Inspector, rabbitmqComponent, rabbitmqUrl, uniqueQueue, lockBroker } from './rabbitmq-support';

jest.setTimeout(30_000);

describe('rabbitmq binding against the test broker', () => {
  const queues = new Set<string>();
  const runtimes: BindingsRuntime[] = [];
  let inspector: Inspector;

  /** A runtime serving one component on a fresh queue (deleted after the suite). */
  function serve(label: string, extra: Record<string, string> = {}): { runtime: BindingsRuntime; queue: string } {
    const queue = uniqueQueue(label);
    queues.add(queue);
    const components: BundledComponent[] = [rabbitmqComponent('queue', queue, extra)];
    const runtime = realRuntime(components);
    runtimes.push(runtime);
    return { runtime, queue };
  }

  let release: (() => Promise<void>) | undefined;

  // One rabbitmq suite at a time: the restart suite stops the shared broker.
  beforeAll(async () => {
    release = await lockBroker();
  }, 180_000);

  beforeAll(async () => {
    rabbitmqUrl();
    inspector = await Inspector.open();
  });

  afterAll(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.close()));
    await inspector?.deleteQueues(queues);
    await inspector?.close();
  });

  afterAll(async () => {
    await release?.();
  });

  it('publishes the data bytes with daprd’s properties and every metadata entry as a header, then answers 204', async () => {
    const { runtime, queue } = serve('publish', { maxPriority: '10' });
    const metadata = {
      ttlInSeconds: '60',
      priority: '7',
      contentType: 'application/json',
      messageID: 'm-1',
      correlationID: 'c-1',
      type: 'order.created',
      custom: 'é x',
    };
    const response = await post(runtime, 'queue', { operation: 'create', data: { b: 1, a: '<x>' }, metadata });
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);

    const message = await inspector.take(queue);
    if (!message) throw new Error('nothing was published');
    // daprd re-encodes `data` with Go's json.Marshal: sorted keys, HTML-escaped, no unquoting.
    expect(message.content.toString()).toBe('{"a":"\\u003cx\\u003e","b":1}');
    expect(message.fields.exchange).toBe('');
    expect(message.fields.routingKey).toBe(queue);
    expect(message.properties).toMatchObject({
      contentType: 'application/json',
      messageId: 'm-1',
      correlationId: 'c-1',
      type: 'order.created',
      expiration: '60000',
      priority: 7,
      deliveryMode: 2,
    });
    expect(message.properties.headers).toEqual(metadata);
    expect(await inspector.take(queue)).toBe(false);
  });

  it('defaults to text/plain and no optional properties, and keeps a JSON string’s quotes', async () => {
    const { runtime, queue } = serve('defaults');
    expect((await post(runtime, 'queue', { operation: 'create', data: 'hello' })).status).toBe(204);
    const message = await inspector.take(queue);
    if (!message) throw new Error('nothing was published');
    expect(message.content.toString()).toBe('"hello"');
    expect(message.properties.contentType).toBe('text/plain');
    expect(message.properties.headers).toEqual({});
    expect(message.properties.expiration).toBeUndefined();
    expect(message.properties.messageId).toBeUndefined();
  });

  it('declares the queue with the component’s TTL, so its messages expire', async () => {
    const { runtime, queue } = serve('queue-ttl', { ttlInSeconds: '1', durable: 'true' });
    expect((await post(runtime, 'queue', { operation: 'create', data: 1 })).status).toBe(204);
    // The same declaration is accepted, a different one refused: the queue has x-message-ttl 1000.
    await expect(
      inspector.channel.assertQueue(queue, { durable: true, arguments: { 'x-message-ttl': 1000 } }),
    ).resolves.toMatchObject({ queue });
    expect(await eventually(async () => (await inspector.depth(queue)) === 0, 10_000)).toBe(true);
  });

  it('accepts a queue daprd declared (integer argument types differ between clients)', async () => {
    const queue = uniqueQueue('daprd-declared');
    queues.add(queue);
    await inspector.channel.assertQueue(queue, {
      durable: false,
      arguments: {
        'x-message-ttl': { '!': 'long', value: 30_000 },
        'x-max-priority': { '!': 'unsignedbyte', value: 5 },
      },
    });
    const runtime = realRuntime([rabbitmqComponent('queue', queue, { ttl: '30s', maxPriority: '5' })]);
    runtimes.push(runtime);
    expect((await post(runtime, 'queue', { operation: 'create', data: 1, metadata: { priority: '9' } })).status).toBe(
      204,
    );
    const message = await inspector.take(queue);
    expect(message && message.properties.priority).toBe(9);
  });

  it('fails the call with the broker’s reason when the queue exists with other arguments', async () => {
    const queue = uniqueQueue('inequivalent');
    queues.add(queue);
    await inspector.channel.assertQueue(queue, { durable: true });
    const runtime = realRuntime([rabbitmqComponent('queue', queue)]);
    runtimes.push(runtime);
    const response = await post(runtime, 'queue', { operation: 'create', data: 1 });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      /^error invoking output binding queue: failed to connect to rabbitmq: .*PRECONDITION_FAILED - inequivalent arg 'durable'/,
    );
    expect(errorOf(response).message).not.toContain('dapr:dapr');
  });

  it('fails a call with a wrong password without showing the password', async () => {
    const url = new URL(rabbitmqUrl());
    url.password = 'wrong-secret';
    const { runtime } = serve('wrong-password', { host: url.toString() });
    const response = await post(runtime, 'queue', { operation: 'create', data: 1 });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      /^error invoking output binding queue: failed to connect to rabbitmq: .*ACCESS_REFUSED/,
    );
    expect(errorOf(response).message).not.toContain('wrong-secret');
  });

  it("refuses bad request metadata with daprd's message and publishes nothing", async () => {
    const { runtime, queue } = serve('bad-metadata');
    const cases: Array<[Record<string, string>, string]> = [
      [{ ttlInSeconds: 'soon' }, "failed to get TTL: ttl value must be a valid integer: actual is 'soon'"],
      [{ ttlInSeconds: '-1' }, "failed to get TTL: ttl value must be higher than zero: actual is '-1'"],
      [{ priority: 'high' }, "priority value must be a valid integer: actual is 'high'"],
    ];
    for (const [metadata, message] of cases) {
      const response = await post(runtime, 'queue', { operation: 'create', data: 1, metadata });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: `error invoking output binding queue: ${message}`,
      });
    }
    expect(await inspector.depth(queue)).toBe(0);
    // The driver is kept: the next good call goes through.
    expect((await post(runtime, 'queue', { operation: 'create', data: 2 })).status).toBe(204);
    expect(await inspector.depth(queue)).toBe(1);
  });

  it('reports a message the broker refuses (an expiration past its limit) instead of a 204, and recovers', async () => {
    const { runtime, queue } = serve('refused');
    const response = await post(runtime, 'queue', {
      operation: 'create',
      data: 1,
      metadata: { ttlInSeconds: '99999999999' },
    });
    expect(response.status).toBe(500);
    // daprd publishes without confirms, so it answers 204 here while the broker closes its channel.
    expect(errorOf(response).message).toBe(
      'error invoking output binding queue: failed to publish message: Channel closed by server: 406 (PRECONDITION-FAILED) ' +
        `with message "PRECONDITION_FAILED - invalid expiration '9223372036854': {value_too_large,9223372036854}"`,
    );
    expect((await post(runtime, 'queue', { operation: 'create', data: 2 })).status).toBe(204);
    expect(await inspector.depth(queue)).toBe(1);
  });

  it('answers an unsupported operation as daprd', async () => {
    const { runtime } = serve('unsupported');
    const response = await post(runtime, 'queue', { operation: 'get' });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      'error invoking output binding queue: binding queue does not support operation get. supported operations:create',
    );
  });
});
