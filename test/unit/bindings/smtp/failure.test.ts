import { describeFailure, goReply, type NodemailerError } from '../../../../src/bindings/smtp/failure';

function nodemailerError(message: string, fields: Partial<NodemailerError>): NodemailerError {
  return Object.assign(new Error(message), fields);
}

const PREFIX = 'error from smtp binding, sending email failed: ';

describe('smtp failure messages', () => {
  it("turns a reply into Go's textproto error text", () => {
    expect(goReply('535 Invalid username or password')).toBe('535 Invalid username or password');
    expect(goReply('550-first line\n550 second line')).toBe('550 first line\nsecond line');
  });

  it('gives the AUTH reply without gomail prefix (dial phase), a MAIL/RCPT/DATA reply with it', () => {
    const auth = nodemailerError('Invalid login: 535 nope', {
      command: 'AUTH PLAIN',
      response: '535 nope',
      responseCode: 535,
    });
    expect(describeFailure(auth, 'h:25')).toEqual({ message: `${PREFIX}535 nope`, fromServer: true });
    const rcpt = nodemailerError("Can't send mail - all recipients were rejected: 550 b", {
      command: 'RCPT TO',
      response: '550 b',
      responseCode: 550,
      rejectedErrors: [nodemailerError('Recipient command failed: 550 a', { response: '550 a', responseCode: 550 })],
    });
    expect(describeFailure(rcpt, 'h:25').message).toBe(`${PREFIX}gomail: could not send email 1: 550 a`);
    const data = nodemailerError('Message failed: 554 no', { command: 'DATA', response: '554 no', responseCode: 554 });
    expect(describeFailure(data, 'h:25').message).toBe(`${PREFIX}gomail: could not send email 1: 554 no`);
  });

  it("maps refused and dial timeouts to Go's net errors; the rest keeps nodemailer's text", () => {
    const refused = nodemailerError('connect ECONNREFUSED 127.0.0.1:2525', { code: 'ESOCKET', command: 'CONN' });
    expect(describeFailure(refused, '127.0.0.1:2525')).toEqual({
      message: `${PREFIX}dial tcp 127.0.0.1:2525: connect: connection refused`,
      fromServer: false,
    });
    const refused6 = nodemailerError('connect ECONNREFUSED ::1:2525', { code: 'ESOCKET' });
    expect(describeFailure(refused6, 'localhost:2525').message).toBe(
      `${PREFIX}dial tcp [::1]:2525: connect: connection refused`,
    );
    const timeout = nodemailerError('Connection timeout', { code: 'ETIMEDOUT', command: 'CONN' });
    expect(describeFailure(timeout, 'mail.example.com:25').message).toBe(
      `${PREFIX}dial tcp mail.example.com:25: i/o timeout`,
    );
    const greeting = nodemailerError('Greeting never received', { code: 'ETIMEDOUT', command: 'GREETING' });
    expect(describeFailure(greeting, 'h:25')).toEqual({
      message: `${PREFIX}Greeting never received`,
      fromServer: false,
    });
  });
});
