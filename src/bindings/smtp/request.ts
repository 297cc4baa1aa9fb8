import addressparser from 'nodemailer/lib/addressparser';
import { InvalidRequestMetadataError } from '../../api/errors';
import type { InvokeRequest } from '../driver';
import { goUnquote } from '../go-strconv';
import { goQuote, parsePriority } from './priority';
import type { SmtpConfig } from './spec';

/** daprd's prefix for every failure after the message was composed (bindings/smtp/smtp.go `Invoke`). */
export const SEND_FAILED = 'error from smtp binding, sending email failed: ';

/** gomail's prefix for a failure of the message itself (bad address, MAIL/RCPT/DATA refused). */
export const GOMAIL_SEND = 'gomail: could not send email 1: ';

/** daprd's messages for a field missing from both the component and the request. */
export const MISSING = {
  emailFrom: 'smtp binding error: emailFrom property not supplied in configuration- or request-metadata',
  emailTo: 'smtp binding error: emailTo property not supplied in configuration- or request-metadata',
  subject: 'smtp binding error: subject property not supplied in configuration- or request-metadata',
} as const;

/** One e-mail, as daprd composes it for a request. */
export interface Email {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  priority: number;
  /** The text/html body bytes. */
  html: Buffer;
  /** MAIL FROM and RCPT TO: To, Cc then Bcc, each address once (gomail `getRecipients`). */
  envelope: { from: string; to: string[] };
}

/** The fields a request may override, with daprd's exact keys; an empty value keeps the component's. */
const OVERRIDABLE = ['emailFrom', 'emailTo', 'emailCC', 'emailBCC', 'subject'] as const;

/** daprd's `parseAddresses`: split on `;`, nothing trimmed or dropped. */
export function splitAddresses(list: string): string[] {
  return list.split(';');
}

/** A name made of words and dots only, which Go's net/mail reads as a display name with no address. */
const PHRASE_ONLY = /^[\s\w.!#$%&'*+\-/=?^`{|}~]+$/;

/**
 * gomail's `parseAddress` (Go `mail.ParseAddress(...).Address`) for the shapes that matter: a bare
 * address or `Name <address>`. Go's message for an empty entry and for a bare name are reproduced.
 */
export function envelopeAddress(entry: string): string {
  const fail = (reason: string) => `gomail: invalid address ${goQuote(entry)}: ${reason}`;
  if (entry.trim() === '') throw new Error(fail('mail: no address'));
  if (!entry.includes('@') && !entry.includes('<') && PHRASE_ONLY.test(entry)) {
    throw new Error(fail('mail: no angle-addr'));
  }
  const parsed = addressparser(entry, { flatten: true });
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only?.address || !only.address.includes('@')) throw new Error(fail('mail: invalid address'));
  return only.address;
}

/** daprd's body: the data unquoted when it is exactly one Go string literal, else the bytes as they are. */
export function bodyOf(data: Buffer): Buffer {
  return goUnquote(data) ?? data;
}

/**
 * The e-mail daprd would send for a request, checked in daprd's order (priority, from, to, subject,
 * then the addresses) before anything is sent. Request values override the component's for this
 * call only (daprd's merge writes them into the component, so they leak into later calls; not here).
 */
export function composeEmail(config: SmtpConfig, request: InvokeRequest): Email {
  const invalid = (message: string) => new InvalidRequestMetadataError(request.name, message);
  const merged: Record<(typeof OVERRIDABLE)[number], string> = {
    emailFrom: config.emailFrom ?? '',
    emailTo: config.emailTo ?? '',
    emailCC: config.emailCC ?? '',
    emailBCC: config.emailBCC ?? '',
    subject: config.subject ?? '',
  };
  for (const key of OVERRIDABLE) {
    const value = request.metadata[key];
    if (value) merged[key] = value;
  }
  let priority: number;
  try {
    priority = parsePriority(request.metadata.priority || (config.priority ?? ''));
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (!merged.emailFrom) throw invalid(MISSING.emailFrom);
  if (!merged.emailTo) throw invalid(MISSING.emailTo);
  if (!merged.subject) throw invalid(MISSING.subject);
  const to = splitAddresses(merged.emailTo);
  const cc = merged.emailCC ? splitAddresses(merged.emailCC) : [];
  const bcc = merged.emailBCC ? splitAddresses(merged.emailBCC) : [];
  let envelope: Email['envelope'];
  try {
    const from = envelopeAddress(merged.emailFrom);
    const recipients: string[] = [];
    for (const address of [...to, ...cc, ...bcc].map(envelopeAddress)) {
      if (!recipients.includes(address)) recipients.push(address);
    }
    envelope = { from, to: recipients };
  } catch (error) {
    throw invalid(SEND_FAILED + GOMAIL_SEND + (error as Error).message);
  }
  return {
    from: merged.emailFrom,
    to,
    cc,
    bcc,
    subject: merged.subject,
    priority,
    html: bodyOf(request.data),
    envelope,
  };
}
