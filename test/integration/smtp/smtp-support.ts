import type { HttpResponse } from '../../../src/api/http-types';
import type { BundledComponent } from '../../../src/components/types';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { post } from '../../support/kafka-runtime';
import type { RecordedMail, SmtpRecorder } from '../../support/smtp-recorder';

/** An smtp binding component sending to `recorder`, with default from/to/subject unless overridden. */
export function smtpComponent(
  name: string,
  recorder: Pick<SmtpRecorder, 'host' | 'port'>,
  extra: Record<string, string> = {},
): BundledComponent {
  const properties = {
    host: recorder.host,
    port: String(recorder.port),
    emailFrom: 'dapr@example.com',
    emailTo: 'ops@example.com',
    subject: 'Default subject',
    ...extra,
  };
  const metadata = Object.entries(properties).map(([key, value]) => ({ name: key, value }));
  return { name, type: 'bindings.smtp', version: 'v1', initTimeoutMs: 10_000, metadata, source: 'test' };
}

/** Sends one e-mail through the router: `create` with the given data and request metadata. */
export function sendMail(
  runtime: BindingsRuntime,
  name: string,
  data: unknown,
  metadata: Record<string, string> = {},
  remainingMs?: number,
): Promise<HttpResponse> {
  return post(runtime, name, { operation: 'create', data, metadata }, remainingMs);
}

/** The header block of a recorded message (before the first empty line), as received. */
export function headerBlock(mail: RecordedMail): string {
  const raw = mail.raw.toString('latin1');
  const end = raw.indexOf('\r\n\r\n');
  return end < 0 ? raw : raw.slice(0, end);
}

/** The raw value of one header (first match, name case-insensitive, unfolded), or undefined. */
export function headerValue(mail: RecordedMail, name: string): string | undefined {
  const line = mail.headerLines.find((entry) => entry.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
