import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

describe('smtp binding across server outages', () => {
  let smtp: SmtpRecorder;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    smtp = await SmtpRecorder.start();
    runtime = realRuntime([smtpComponent('mail', smtp)]);
  });

  afterAll(async () => {
    await runtime?.close();
    await smtp?.close();
  });

  it('backend stopped and restarted between two calls: the first gives a Dapr error within the deadline, the next succeeds', async () => {
    expect((await sendMail(runtime, 'mail', 'before')).status).toBe(204);
    const port = smtp.port;
    await smtp.stop();

    const started = Date.now();
    const down = await sendMail(runtime, 'mail', 'while down', {}, 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(down.status).toBe(500);
    expect(errorOf(down)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding mail: error from smtp binding, sending email failed: dial tcp 127.0.0.1:${port}: connect: connection refused`,
    });

    await smtp.start();
    expect(smtp.port).toBe(port);
    expect((await sendMail(runtime, 'mail', 'after', {}, 10_000)).status).toBe(204);
    expect(smtp.messages.map((mail) => mail.body)).toEqual(['before', 'after']);
  });
});

describe('smtp binding against a server that never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket); // accepted, never greeted
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    runtime = realRuntime([smtpComponent('mute', { host: '127.0.0.1', port })]);
  });

  afterAll(async () => {
    await runtime?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers a Dapr error before the invocation deadline and leaves no connection behind', async () => {
    const started = Date.now();
    const response = await sendMail(runtime, 'mute', 'x', {}, 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(500);
    expect(errorOf(response).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(response).message).toMatch(/^error invoking output binding mute: deadline of \d+ms exceeded/);
    // the aborted send closed its socket
    for (let i = 0; i < 50 && sockets.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sockets.size).toBe(0);
  });
});
