import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { SmtpRecorder } from '../../support/smtp-recorder';
import { headerBlock, headerValue, sendMail, smtpComponent } from './smtp-support';

jest.setTimeout(60_000);

describe('smtp binding against a real SMTP server', () => {
  let smtp: SmtpRecorder;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    smtp = await SmtpRecorder.start();
    runtime = realRuntime([
      smtpComponent('mail', smtp),
      smtpComponent('bare', smtp, { emailFrom: '', emailTo: '', subject: '' }),
      smtpComponent('urgent', smtp, { priority: '1', emailCC: 'cc@example.com', emailBCC: 'audit@example.com' }),
    ]);
  });

  afterEach(() => smtp.clear());

  afterAll(async () => {
    await runtime?.close();
    await smtp?.close();
  });

  it('sends the component defaults: 204 with no body, once the server accepted the message', async () => {
    const response = await sendMail(runtime, 'mail', '<p>Hello</p>');
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.envelope).toEqual({ from: 'dapr@example.com', to: ['ops@example.com'] });
    expect(headerValue(mail!, 'From')).toBe('dapr@example.com');
    expect(headerValue(mail!, 'To')).toBe('ops@example.com');
    expect(mail!.subject).toBe('Default subject');
    expect(headerValue(mail!, 'X-Priority')).toBe('3');
    expect(headerValue(mail!, 'Content-Type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(headerValue(mail!, 'Cc')).toBeUndefined();
    expect(mail!.body).toBe('<p>Hello</p>');
    expect(mail!.secure).toBe(false);
  });

  it('lets each request key override the component for that call only', async () => {
    const overrides: Array<[Record<string, string>, (mail: (typeof smtp.messages)[number]) => void]> = [
      [{ emailFrom: 'Billing <billing@example.com>' }, (m) => expect(m.envelope.from).toBe('billing@example.com')],
      [
        { emailTo: 'a@example.com;b@example.com' },
        (m) => expect(m.envelope.to).toEqual(['a@example.com', 'b@example.com']),
      ],
      [{ emailCC: 'c@example.com' }, (m) => expect(headerValue(m, 'Cc')).toBe('c@example.com')],
      [{ emailBCC: 'd@example.com' }, (m) => expect(m.envelope.to).toEqual(['ops@example.com', 'd@example.com'])],
      [{ subject: 'Overridden' }, (m) => expect(m.subject).toBe('Overridden')],
      [{ priority: '5' }, (m) => expect(headerValue(m, 'X-Priority')).toBe('5')],
    ];
    for (const [metadata, check] of overrides) {
      smtp.clear();
      expect((await sendMail(runtime, 'mail', 'x', metadata)).status).toBe(204);
      expect(smtp.messages).toHaveLength(1);
      check(smtp.messages[0]!);
    }
    smtp.clear();
    await sendMail(runtime, 'mail', 'after');
    expect(smtp.messages[0]!.envelope).toEqual({ from: 'dapr@example.com', to: ['ops@example.com'] });
    expect(smtp.messages[0]!.subject).toBe('Default subject');
    expect(headerValue(smtp.messages[0]!, 'X-Priority')).toBe('3');
  });

  it('puts CC and BCC into the envelope, and BCC in no header', async () => {
    expect((await sendMail(runtime, 'urgent', 'x', { emailTo: 'one@example.com;two@example.com' })).status).toBe(204);
    const [mail] = smtp.messages;
    expect(mail!.envelope.to).toEqual(['one@example.com', 'two@example.com', 'cc@example.com', 'audit@example.com']);
    expect(headerValue(mail!, 'To')).toBe('one@example.com, two@example.com');
    expect(headerValue(mail!, 'Cc')).toBe('cc@example.com');
    expect(headerValue(mail!, 'Bcc')).toBeUndefined();
    expect(mail!.raw.toString('latin1')).not.toContain('audit@example.com');
    expect(headerValue(mail!, 'X-Priority')).toBe('1');
  });

  it('sends the body daprd would: a JSON string unquoted, anything else as its JSON bytes', async () => {
    const cases: Array<[unknown, string]> = [
      ['<h1>Hi & "bye"</h1>\n<p>line\ttwo</p>', '<h1>Hi & "bye"</h1>\n<p>line\ttwo</p>'],
      [{ b: 1, a: '<x>' }, '{"a":"\\u003cx\\u003e","b":1}'],
      [[1, 'two'], '[1,"two"]'],
      [42.5, '42.5'],
      ['Grüße, 日本, emoji 🎉, ümlaut', 'Grüße, 日本, emoji 🎉, ümlaut'],
      ['', ''],
      // A final line break is the one that ends every SMTP message (Go's DotWriter adds none either).
      ['ends with a line break\n', 'ends with a line break'],
    ];
    for (const [data, html] of cases) {
      smtp.clear();
      expect((await sendMail(runtime, 'mail', data)).status).toBe(204);
      const mail = smtp.messages[0]!;
      expect(mail.body ?? '').toBe(html);
    }
    smtp.clear();
    await sendMail(runtime, 'mail', undefined);
    expect(smtp.messages[0]!.body).toBe('null');
  });

  it('sends a unicode subject that decodes back to the same text', async () => {
    const subject = 'Grüße — 日本語 ✓ 🎉 a long subject that needs folding across more than one header line';
    expect((await sendMail(runtime, 'mail', 'x', { subject })).status).toBe(204);
    expect(smtp.messages[0]!.subject).toBe(subject);
    expect(headerBlock(smtp.messages[0]!)).toMatch(/^[\x00-\x7f]*$/); // encoded words, 7-bit headers
  });

  it("answers daprd's errors for missing from, to or subject, and sends nothing", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'emailFrom'],
      [{ emailFrom: 'f@example.com' }, 'emailTo'],
      [{ emailFrom: 'f@example.com', emailTo: 't@example.com' }, 'subject'],
    ];
    for (const [metadata, field] of cases) {
      const response = await sendMail(runtime, 'bare', 'x', metadata);
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: `error invoking output binding bare: smtp binding error: ${field} property not supplied in configuration- or request-metadata`,
      });
    }
    const bad = await sendMail(runtime, 'mail', 'x', { priority: '7' });
    expect(errorOf(bad).message).toBe(
      'error invoking output binding mail: smtp binding error:  priority value must be between 1 (highest) and 5 (lowest)',
    );
    const empty = await sendMail(runtime, 'mail', 'x', { emailTo: 'a@example.com;' });
    expect(errorOf(empty).message).toBe(
      'error invoking output binding mail: error from smtp binding, sending email failed: gomail: could not send email 1: gomail: invalid address "": mail: no address',
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it('refuses an unknown operation as daprd', async () => {
    const response = await post(runtime, 'mail', { operation: 'get' });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toBe(
      'error invoking output binding mail: binding mail does not support operation get. supported operations:create',
    );
    expect(smtp.messages).toHaveLength(0);
  });
});
