import type { SendEmailCommandInput } from '@aws-sdk/client-ses';
import { InvalidRequestMetadataError } from '../../../api/errors';
import type { InvokeRequest } from '../../driver';
import { goUnquote } from '../../go-strconv';
import type { SesConfig } from './spec';

/** daprd's character set for the subject and the HTML body. */
const CHARSET = 'UTF-8';

/** daprd's messages for a field missing from both the component and the request (bindings/aws/ses/ses.go `Invoke`). */
export const MISSING = {
  emailFrom: 'SES binding error: emailFrom property not supplied in configuration- or request-metadata',
  emailTo: 'SES binding error: emailTo property not supplied in configuration- or request-metadata',
  subject: 'SES binding error: subject property not supplied in configuration- or request-metadata',
} as const;

/** daprd's message when the data is not one Go string literal (`strconv.ErrSyntax`). */
export const NOT_QUOTED = "SES binding error. Can't unquote data field: invalid syntax";

/** The fields a request may override, in `sesMetadata`'s Go field names. */
const OVERRIDABLE = ['emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'subject'] as const;

/** The merged sender, recipients and subject of one call. */
export type SesAddressing = Record<(typeof OVERRIDABLE)[number], string>;

/**
 * daprd's `mergeWithRequestMetadata`: request keys matched case-insensitively override the
 * component's values, an empty value included (mapstructure sets it). daprd merges into a copy,
 * so nothing leaks into later calls. Its decoder refuses metadata with two keys equal after
 * lower-casing; daprd ignores that error, so such a request overrides nothing at all.
 */
export function mergeAddressing(config: SesConfig, requestMetadata: Readonly<Record<string, string>>): SesAddressing {
  const merged: SesAddressing = {
    emailFrom: config.emailFrom ?? '',
    emailTo: config.emailTo ?? '',
    emailCc: config.emailCc ?? '',
    emailBcc: config.emailBcc ?? '',
    subject: config.subject ?? '',
  };
  const byLowerKey = new Map<string, string>();
  for (const [key, value] of Object.entries(requestMetadata)) {
    const lower = key.toLowerCase();
    if (byLowerKey.has(lower)) return merged;
    byLowerKey.set(lower, value);
  }
  for (const name of OVERRIDABLE) {
    const value = byLowerKey.get(name.toLowerCase());
    if (value !== undefined) merged[name] = value;
  }
  return merged;
}

/** daprd's address lists: `strings.Split(list, ";")`, nothing trimmed or dropped; an empty list is left out. */
export function splitAddresses(list: string): string[] | undefined {
  return list === '' ? undefined : list.split(';');
}

/**
 * The SendEmail input daprd builds for a request, checked in daprd's order (emailFrom, emailTo,
 * subject, then the data) before anything is sent. The data must be exactly one Go string literal
 * (what daprd receives for a JSON string); its unquoted text is the HTML body.
 */
export function composeSendEmail(config: SesConfig, request: InvokeRequest): SendEmailCommandInput {
  const invalid = (message: string) => new InvalidRequestMetadataError(request.name, message);
  const merged = mergeAddressing(config, request.metadata);
  if (merged.emailFrom === '') throw invalid(MISSING.emailFrom);
  if (merged.emailTo === '') throw invalid(MISSING.emailTo);
  if (merged.subject === '') throw invalid(MISSING.subject);
  const body = goUnquote(request.data);
  if (body === undefined) throw invalid(NOT_QUOTED);
  return {
    Source: merged.emailFrom,
    Destination: {
      ToAddresses: splitAddresses(merged.emailTo),
      CcAddresses: splitAddresses(merged.emailCc),
      BccAddresses: splitAddresses(merged.emailBcc),
    },
    Message: {
      Subject: { Charset: CHARSET, Data: merged.subject },
      Body: { Html: { Charset: CHARSET, Data: body.toString('utf8') } },
    },
  };
}
