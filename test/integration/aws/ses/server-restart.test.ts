import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { messagesWithSubject, sendEmail, sesComponent, uniqueAddress, verifyIdentity } from './ses-support';

jest.setTimeout(120_000);

// Stops and restarts a moto of its own (on a free port), never the shared one.
describe('aws.ses binding across moto outages', () => {
  const sender = uniqueAddress('sender');
  const to = uniqueAddress('to');
  let moto: PrivateMoto;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    moto = await PrivateMoto.start();
    await verifyIdentity(moto.endpoint, sender);
    runtime = realRuntime([sesComponent('mail', moto.endpoint, { emailFrom: sender, emailTo: to })]);
  });

  afterAll(async () => {
    await runtime?.close();
    await moto?.stop();
  });

  it('backend stopped and restarted between two calls: the first gives a Dapr error within the deadline, the next succeeds', async () => {
    const before = `before ${randomUUID()}`;
    expect((await sendEmail(runtime, 'mail', 'before', { subject: before })).status).toBe(204);
    expect(await messagesWithSubject(moto.endpoint, before)).toHaveLength(1);
    await moto.stop();

    const started = Date.now();
    const down = await sendEmail(runtime, 'mail', 'while down', { subject: 'down' }, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(down.status).toBe(500);
    expect(errorOf(down).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(down).message).toMatch(
      /^error invoking output binding mail: SES binding error\. Sending email failed: operation error SES: SendEmail, /,
    );

    await moto.start();
    await verifyIdentity(moto.endpoint, sender); // moto's state was in memory only
    const after = `after ${randomUUID()}`;
    expect((await sendEmail(runtime, 'mail', 'after', { subject: after }, 20_000)).status).toBe(204);
    const [message] = await messagesWithSubject(moto.endpoint, after);
    expect(message).toMatchObject({ source: sender, body: 'after', destinations: { ToAddresses: [to] } });
  });
});

describe('aws.ses binding against an endpoint that never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket); // accepted, never answered
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    runtime = realRuntime([
      sesComponent('mute', `http://127.0.0.1:${port}`, { emailFrom: 'a@example.com', emailTo: 'b@example.com' }),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers a Dapr error before the invocation deadline', async () => {
    const started = Date.now();
    const response = await sendEmail(runtime, 'mute', 'x', { subject: 's' }, 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(500);
    expect(errorOf(response).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(response).message).toMatch(/^error invoking output binding mute: deadline of \d+ms exceeded/);
  });
});
