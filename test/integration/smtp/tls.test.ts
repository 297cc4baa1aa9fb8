import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

// The recorder offers STARTTLS with a self-signed certificate: gomail upgrades whenever it is offered.
describe('smtp binding with STARTTLS', () => {
  let smtp: SmtpRecorder;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    smtp = await SmtpRecorder.start({ starttls: true, auth: { user: 'mailer', password: 's3cret' } });
    const credentials = { user: 'mailer', password: 's3cret' };
    runtime = realRuntime([
      smtpComponent('trusting', smtp, { ...credentials, skipTLSVerify: 'true' }),
      smtpComponent('verifying', smtp, credentials),
    ]);
  });

  afterEach(() => smtp.clear());

  afterAll(async () => {
    await runtime?.close();
    await smtp?.close();
  });

  it('upgrades to TLS when offered, and accepts any certificate with skipTLSVerify', async () => {
    expect((await sendMail(runtime, 'trusting', 'over tls')).status).toBe(204);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.secure).toBe(true);
    expect(smtp.messages[0]!.user).toBe('mailer');
  });

  it('refuses an unverifiable certificate without skipTLSVerify, before sending anything', async () => {
    const response = await sendMail(runtime, 'verifying', 'over tls');
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      /^error invoking output binding verifying: error from smtp binding, sending email failed: .*certificate/,
    );
    expect(smtp.messages).toHaveLength(0);
  });
});
