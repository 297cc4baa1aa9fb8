import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

const REFUSED = 'error from smtp binding, sending email failed: gomail: could not send email 1: 550 5.1.1';

describe('smtp binding when the server refuses recipients', () => {
  let smtp: SmtpRecorder;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    smtp = await SmtpRecorder.start({ refuseRecipients: ['gone@example.com', 'left@example.com'] });
    runtime = realRuntime([smtpComponent('mail', smtp)]);
  });

  afterEach(() => smtp.clear());

  afterAll(async () => {
    await runtime?.close();
    await smtp?.close();
  });

  it("answers the first refusal as gomail's error when every recipient is refused; nothing is sent", async () => {
    const response = await sendMail(runtime, 'mail', 'x', { emailTo: 'gone@example.com;left@example.com' });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      `error invoking output binding mail: ${REFUSED} <gone@example.com>: mailbox unavailable`,
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it("answers daprd's error when one recipient is refused (daprd sends nothing; here the others got it)", async () => {
    const response = await sendMail(runtime, 'mail', 'x', { emailTo: 'ok@example.com;left@example.com' });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      `error invoking output binding mail: ${REFUSED} <left@example.com>: mailbox unavailable`,
    );
    expect(smtp.messages.map((mail) => mail.envelope.to)).toEqual([['ok@example.com']]);
  });
});
