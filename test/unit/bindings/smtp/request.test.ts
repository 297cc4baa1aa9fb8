import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import type { InvokeRequest } from '../../../../src/bindings/driver';
import { checkComponentProperties } from '../../../../src/bindings/module';
import { bodyOf, composeEmail, envelopeAddress, MISSING, splitAddresses } from '../../../../src/bindings/smtp/request';
import { spec, type SmtpConfig } from '../../../../src/bindings/smtp/spec';

function config(properties: Record<string, string> = {}): SmtpConfig {
  const checked = checkComponentProperties(spec, {
    host: 'mail.example.com',
    port: '25',
    emailFrom: 'from@example.com',
    emailTo: 'to@example.com',
    subject: 'Hello',
    ...properties,
  });
  expect(checked.errors).toEqual([]);
  return checked.config;
}

function request(metadata: Record<string, string> = {}, data = '"<b>hi</b>"'): InvokeRequest {
  return { name: 'mail', operation: 'create', data: Buffer.from(data), metadata };
}

function rejection(run: () => unknown): InvalidRequestMetadataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestMetadataError);
    return error as InvalidRequestMetadataError;
  }
  throw new Error('expected a rejection');
}

describe('smtp request: composing the e-mail as daprd', () => {
  it('uses the component fields and priority 3 by default', () => {
    const email = composeEmail(config(), request());
    expect(email).toMatchObject({
      from: 'from@example.com',
      to: ['to@example.com'],
      cc: [],
      bcc: [],
      subject: 'Hello',
      priority: 3,
      envelope: { from: 'from@example.com', to: ['to@example.com'] },
    });
    expect(email.html.toString()).toBe('<b>hi</b>');
  });

  it('lets each non-empty request key (exact case) override the component', () => {
    const email = composeEmail(
      config({ emailCC: 'cc@example.com', priority: '2' }),
      request({
        emailFrom: 'other@example.com',
        emailTo: 'a@example.com;b@example.com',
        emailCC: 'c@example.com',
        emailBCC: 'd@example.com',
        subject: 'Override',
        priority: '5',
      }),
    );
    expect(email).toMatchObject({
      from: 'other@example.com',
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com'],
      subject: 'Override',
      priority: 5,
      envelope: {
        from: 'other@example.com',
        to: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'],
      },
    });
  });

  it('ignores empty values and keys in another case', () => {
    const email = composeEmail(
      config({ priority: '1' }),
      request({ emailTo: '', EmailTo: 'x@example.com', subject: '', Priority: '4' }),
    );
    expect(email.to).toEqual(['to@example.com']);
    expect(email.subject).toBe('Hello');
    expect(email.priority).toBe(1);
  });

  it('keeps the overrides to one call', () => {
    const shared = config();
    composeEmail(shared, request({ emailTo: 'once@example.com' }));
    expect(composeEmail(shared, request()).to).toEqual(['to@example.com']);
  });

  it("gives daprd's errors for a missing from, to or subject, in daprd's order", () => {
    const bare = config({ emailFrom: '', emailTo: '', subject: '' });
    expect(rejection(() => composeEmail(bare, request())).message).toBe(
      `error invoking output binding mail: ${MISSING.emailFrom}`,
    );
    expect(rejection(() => composeEmail(bare, request({ emailFrom: 'f@x.io' }))).message).toBe(
      `error invoking output binding mail: ${MISSING.emailTo}`,
    );
    expect(rejection(() => composeEmail(bare, request({ emailFrom: 'f@x.io', emailTo: 't@x.io' }))).message).toBe(
      `error invoking output binding mail: ${MISSING.subject}`,
    );
  });

  it("checks the request priority first, with strconv.Atoi's and daprd's messages", () => {
    const range = 'smtp binding error:  priority value must be between 1 (highest) and 5 (lowest)';
    const cases: Array<[string, string]> = [
      ['0', range],
      ['6', range],
      ['-1', range],
      ['high', 'strconv.Atoi: parsing "high": invalid syntax'],
      [' 3', 'strconv.Atoi: parsing " 3": invalid syntax'],
      ['99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ];
    const noFrom = config({ emailFrom: '' });
    for (const [priority, message] of cases) {
      expect(rejection(() => composeEmail(noFrom, request({ priority }))).message).toBe(
        `error invoking output binding mail: ${message}`,
      );
    }
    expect(composeEmail(config(), request({ priority: '+4' })).priority).toBe(4);
    expect(composeEmail(config(), request({ priority: '05' })).priority).toBe(5);
  });

  it('lists every recipient once in the envelope, To then Cc then Bcc', () => {
    const email = composeEmail(
      config({ emailTo: 'A <a@x.io>;b@x.io', emailCC: 'b@x.io; c@x.io', emailBCC: 'a@x.io;d@x.io' }),
      request(),
    );
    expect(email.to).toEqual(['A <a@x.io>', 'b@x.io']);
    expect(email.cc).toEqual(['b@x.io', ' c@x.io']);
    expect(email.envelope.to).toEqual(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io']);
  });

  it("refuses an empty or bare-name address with gomail's message before sending", () => {
    const prefix = 'error invoking output binding mail: error from smtp binding, sending email failed: ';
    expect(rejection(() => composeEmail(config({ emailTo: 'a@x.io;' }), request())).message).toBe(
      `${prefix}gomail: could not send email 1: gomail: invalid address "": mail: no address`,
    );
    expect(rejection(() => composeEmail(config({ emailFrom: 'nobody' }), request())).message).toBe(
      `${prefix}gomail: could not send email 1: gomail: invalid address "nobody": mail: no angle-addr`,
    );
  });
});

describe('smtp request helpers', () => {
  it('splits on ; without trimming or dropping entries (daprd parseAddresses)', () => {
    expect(splitAddresses('a@x.io;b@x.io')).toEqual(['a@x.io', 'b@x.io']);
    expect(splitAddresses('a@x.io; b@x.io;')).toEqual(['a@x.io', ' b@x.io', '']);
  });

  it('takes the address out of a name-addr', () => {
    expect(envelopeAddress('Jane Doe <jane@x.io>')).toBe('jane@x.io');
    expect(envelopeAddress('  jane@x.io ')).toBe('jane@x.io');
    expect(() => envelopeAddress('   ')).toThrow('gomail: invalid address "   ": mail: no address');
  });

  it('unquotes the body with strconv.Unquote semantics, else keeps the bytes', () => {
    const cases: Array<[string, string]> = [
      ['"hello"', 'hello'],
      ['"a\\nb\\t\\"c\\""', 'a\nb\t"c"'],
      ['"\\u003cp\\u003e\\u0026"', '<p>&'],
      ['"é ✓"', 'é ✓'],
      ['""', ''],
      ['{"a":1,"b":"x"}', '{"a":1,"b":"x"}'],
      ['[1,"x"]', '[1,"x"]'],
      ['42', '42'],
      ['null', 'null'],
      ['"unterminated', '"unterminated'],
      ['"a" "b"', '"a" "b"'],
      ['"\\ud800"', '"\\ud800"'], // a lone surrogate is not a valid rune: Unquote fails
      ["'x'", 'x'],
      ['`raw\\n`', 'raw\\n'],
    ];
    for (const [data, body] of cases) expect(bodyOf(Buffer.from(data)).toString()).toBe(body);
  });
});
