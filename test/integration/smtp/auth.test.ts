import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

const PREFIX = 'error from smtp binding, sending email failed: ';

describe('smtp binding with SMTP AUTH', () => {
  let smtp: SmtpRecorder;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    smtp = await SmtpRecorder.start({ auth: { user: 'mailer', password: 's3cret' } });
    runtime = realRuntime([
      smtpComponent('authed', smtp, { user: 'mailer', password: 's3cret' }),
      smtpComponent('wrong', smtp, { user: 'mailer', password: 'not-it' }),
      smtpComponent('anonymous', smtp),
    ]);
  });

  afterEach(() => smtp.clear());

  afterAll(async () => {
    await runtime?.close();
    await smtp?.close();
  });

  it('authenticates with user and password, then sends', async () => {
    const response = await sendMail(runtime, 'authed', 'hello');
    expect(response.status).toBe(204);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.user).toBe('mailer');
    expect(smtp.messages[0]!.authMethod).toBe('PLAIN'); // to 127.0.0.1, which Go counts as localhost
    expect(smtp.messages[0]!.body).toBe('hello');
  });

  it("answers a wrong password with the server's reply as a Dapr 500, and sends nothing", async () => {
    const response = await sendMail(runtime, 'wrong', 'hello');
    expect(response.status).toBe(500);
    expect(errorOf(response)).toEqual({
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: `error invoking output binding wrong: ${PREFIX}535 Invalid username or password`,
    });
    expect(smtp.messages).toHaveLength(0);
    // the driver stays usable: the next good call on another component still works
    expect((await sendMail(runtime, 'authed', 'again')).status).toBe(204);
  });

  it('without credentials, answers the refusal of MAIL FROM with gomail prefix', async () => {
    const response = await sendMail(runtime, 'anonymous', 'hello');
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      new RegExp(`^error invoking output binding anonymous: ${PREFIX}gomail: could not send email 1: 530 `),
    );
    expect(smtp.messages).toHaveLength(0);
  });
});
