import { InvalidRequestMetadataError } from '../../../../../src/api/errors';
import { checkComponentProperties } from '../../../../../src/bindings/module';
import {
  composeSendEmail,
  mergeAddressing,
  MISSING,
  NOT_QUOTED,
  splitAddresses,
} from '../../../../../src/bindings/aws/ses/request';
import { spec, type SesConfig } from '../../../../../src/bindings/aws/ses/spec';
import type { InvokeRequest } from '../../../../../src/bindings/driver';

function config(properties: Record<string, string>): SesConfig {
  const { config: decoded, errors } = checkComponentProperties(spec, properties);
  expect(errors).toEqual([]);
  return decoded;
}

function request(data: string, metadata: Record<string, string> = {}): InvokeRequest {
  return { name: 'mail', operation: 'create', data: Buffer.from(data), metadata };
}

const full = config({ emailFrom: 'from@example.com', emailTo: 'to@example.com', subject: 'Hi' });

function errorOf(fn: () => unknown): InvalidRequestMetadataError {
  try {
    fn();
  } catch (error) {
    return error as InvalidRequestMetadataError;
  }
  throw new Error('expected an error');
}

/** The component's own text, after daprd's `error invoking output binding <name>: ` prefix. */
function detailOf(fn: () => unknown): string {
  const error = errorOf(fn);
  expect(error).toBeInstanceOf(InvalidRequestMetadataError);
  expect(error.bindingName).toBe('mail');
  return error.message.replace(/^error invoking output binding mail: /, '');
}

describe('aws.ses request metadata merge', () => {
  it('keeps the component values when the request has none', () => {
    expect(mergeAddressing(full, {})).toEqual({
      emailFrom: 'from@example.com',
      emailTo: 'to@example.com',
      emailCc: '',
      emailBcc: '',
      subject: 'Hi',
    });
  });

  it('matches request keys case-insensitively, as mapstructure does', () => {
    const merged = mergeAddressing(full, {
      EMAILFROM: 'a@example.com',
      emailto: 'b@example.com',
      emailCC: 'c@example.com',
      EmailBcc: 'd@example.com',
      Subject: 'S',
    });
    expect(merged).toEqual({
      emailFrom: 'a@example.com',
      emailTo: 'b@example.com',
      emailCc: 'c@example.com',
      emailBcc: 'd@example.com',
      subject: 'S',
    });
  });

  it('lets an empty request value clear the component value', () => {
    expect(mergeAddressing(full, { subject: '' }).subject).toBe('');
  });

  it('overrides nothing when two request keys are equal after lower-casing', () => {
    const merged = mergeAddressing(full, {
      subject: 'A',
      emailTo: 'x@example.com',
      traceparent: 't',
      TraceParent: 't',
    });
    expect(merged.subject).toBe('Hi');
    expect(merged.emailTo).toBe('to@example.com');
  });

  it('never changes the component config (no leak into later calls)', () => {
    const before = { ...full };
    mergeAddressing(full, { subject: 'Other', emailFrom: 'z@example.com' });
    expect(full).toEqual(before);
  });
});

describe('aws.ses address lists', () => {
  it('splits on ";" only, trimming and dropping nothing', () => {
    expect(splitAddresses('a@x.com;b@x.com')).toEqual(['a@x.com', 'b@x.com']);
    expect(splitAddresses(' a@x.com ; b@x.com;')).toEqual([' a@x.com ', ' b@x.com', '']);
    expect(splitAddresses('a@x.com,b@x.com')).toEqual(['a@x.com,b@x.com']);
  });

  it('leaves an empty list out', () => {
    expect(splitAddresses('')).toBeUndefined();
  });
});

describe('aws.ses composeSendEmail', () => {
  it("builds daprd's SendEmail input: UTF-8 subject and HTML body, no text part", () => {
    const input = composeSendEmail(
      config({
        emailFrom: 'from@example.com',
        emailTo: 'a@example.com;b@example.com',
        emailCc: 'c@example.com',
        emailBcc: 'd@example.com',
        subject: 'Hi',
      }),
      request('"<p>caf\\u00e9 \\u003cb\\u003e</p>"'),
    );
    expect(input).toEqual({
      Source: 'from@example.com',
      Destination: {
        ToAddresses: ['a@example.com', 'b@example.com'],
        CcAddresses: ['c@example.com'],
        BccAddresses: ['d@example.com'],
      },
      Message: {
        Subject: { Charset: 'UTF-8', Data: 'Hi' },
        Body: { Html: { Charset: 'UTF-8', Data: '<p>café <b></p>' } },
      },
    });
  });

  it('leaves Cc and Bcc out when empty', () => {
    const input = composeSendEmail(full, request('"x"'));
    expect(input.Destination).toEqual({
      ToAddresses: ['to@example.com'],
      CcAddresses: undefined,
      BccAddresses: undefined,
    });
  });

  it("checks emailFrom, emailTo, subject, then the data, with daprd's messages", () => {
    const bare = config({});
    expect(detailOf(() => composeSendEmail(bare, request('null')))).toBe(MISSING.emailFrom);
    expect(detailOf(() => composeSendEmail(bare, request('null', { emailFrom: 'f@x.com' })))).toBe(MISSING.emailTo);
    expect(detailOf(() => composeSendEmail(bare, request('null', { emailFrom: 'f@x.com', emailTo: 't@x.com' })))).toBe(
      MISSING.subject,
    );
    expect(detailOf(() => composeSendEmail(full, request('null')))).toBe(NOT_QUOTED);
    expect(MISSING.emailFrom).toBe(
      'SES binding error: emailFrom property not supplied in configuration- or request-metadata',
    );
  });

  it('refuses data that is not exactly one Go string literal', () => {
    // a surrogate escape is not a valid rune for Go (strconv.ErrSyntax)
    const bad = ['null', '{"a":1}', '42', '"unterminated', '"a" "b"', '"bad \\q escape"', '', '"\\ud83d\\ude00"'];
    for (const data of bad) {
      expect(detailOf(() => composeSendEmail(full, request(data)))).toBe(
        "SES binding error. Can't unquote data field: invalid syntax",
      );
    }
  });

  it('accepts what strconv.Unquote accepts, including an empty string', () => {
    expect(composeSendEmail(full, request('""')).Message!.Body!.Html!.Data).toBe('');
    expect(composeSendEmail(full, request('"a\\nb\\t\\"c\\""')).Message!.Body!.Html!.Data).toBe('a\nb\t"c"');
    expect(composeSendEmail(full, request('"😀 \\u00e9"')).Message!.Body!.Html!.Data).toBe('😀 é');
  });
});
