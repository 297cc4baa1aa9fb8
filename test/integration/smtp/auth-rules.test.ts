import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

const credentials = { user: 'mailer', password: 's3cret' };

// 127.0.0.2 reaches the loopback interface but is not "localhost" to Go's net/smtp.
describe("smtp AUTH follows Go's rules on clear-text connections", () => {
  const recorders: SmtpRecorder[] = [];
  let runtime: BindingsRuntime;
  let plainRemote: SmtpRecorder;
  let loginRemote: SmtpRecorder;
  let tlsRemote: SmtpRecorder;
  let cram: SmtpRecorder;

  beforeAll(async () => {
    plainRemote = await SmtpRecorder.start({ host: '127.0.0.2', auth: credentials });
    loginRemote = await SmtpRecorder.start({ host: '127.0.0.2', auth: credentials, authMethods: ['LOGIN'] });
    tlsRemote = await SmtpRecorder.start({ host: '127.0.0.2', auth: credentials, starttls: true });
    cram = await SmtpRecorder.start({ auth: credentials, authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5'] });
    recorders.push(plainRemote, loginRemote, tlsRemote, cram);
    runtime = realRuntime([
      smtpComponent('plain-remote', plainRemote, credentials),
      smtpComponent('login-remote', loginRemote, credentials),
      smtpComponent('tls-remote', tlsRemote, { ...credentials, skipTLSVerify: 'true' }),
      smtpComponent('cram', cram, credentials),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    for (const recorder of recorders) await recorder.close();
  });

  it('refuses PLAIN without TLS to a host that is not localhost, sending no credentials and no mail', async () => {
    const response = await sendMail(runtime, 'plain-remote', 'x');
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      'error invoking output binding plain-remote: error from smtp binding, sending email failed: unencrypted connection',
    );
    expect(plainRemote.messages).toHaveLength(0);
  });

  it('uses LOGIN without TLS when the server offers only LOGIN, as gomail', async () => {
    expect((await sendMail(runtime, 'login-remote', 'x')).status).toBe(204);
    expect(loginRemote.messages[0]!.authMethod).toBe('LOGIN');
  });

  it('sends PLAIN once STARTTLS has run', async () => {
    expect((await sendMail(runtime, 'tls-remote', 'x')).status).toBe(204);
    expect(tlsRemote.messages[0]).toMatchObject({ secure: true, authMethod: 'PLAIN', user: 'mailer' });
  });

  it('prefers CRAM-MD5 when offered, as gomail', async () => {
    expect((await sendMail(runtime, 'cram', 'x')).status).toBe(204);
    expect(cram.messages[0]).toMatchObject({ authMethod: 'CRAM-MD5', user: 'mailer', secure: false });
  });
});
