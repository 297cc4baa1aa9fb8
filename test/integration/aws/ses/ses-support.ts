import { randomUUID } from 'node:crypto';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import type { HttpResponse } from '../../../../src/api/http-types';
import type { BundledComponent } from '../../../../src/components/types';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { awsComponent, motoClientConfig } from '../../../support/aws';
import { post } from '../../../support/kafka-runtime';

/** One e-mail as moto recorded it (`ses.Message` in `GET /moto-api/data.json`). */
export interface MotoSesMessage {
  id: string;
  source: string;
  subject: string;
  body: string;
  destinations: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
}

/** A unique address under example.com, so tests never see each other's identities or mail. */
export function uniqueAddress(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** An aws.ses component reaching moto at `endpoint`, with test credentials and the given metadata. */
export function sesComponent(name: string, endpoint: string, extra: Record<string, string> = {}): BundledComponent {
  return awsComponent(name, 'bindings.aws.ses', extra, endpoint);
}

/** Verifies a sender identity in moto (moto refuses SendEmail from an unverified address). */
export async function verifyIdentity(endpoint: string, address: string): Promise<void> {
  const client = new SESClient(motoClientConfig(endpoint));
  try {
    await client.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
  } finally {
    client.destroy();
  }
}

/** Every e-mail moto has recorded, through its inspection API. */
export async function sentMessages(endpoint: string): Promise<MotoSesMessage[]> {
  const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`moto-api/data.json answered ${response.status}`);
  const data = (await response.json()) as { ses?: { Message?: MotoSesMessage[] } };
  return data.ses?.Message ?? [];
}

/** The e-mails moto recorded with this subject (subjects are unique per test). */
export async function messagesWithSubject(endpoint: string, subject: string): Promise<MotoSesMessage[]> {
  return (await sentMessages(endpoint)).filter((message) => message.subject === subject);
}

/** Invokes `create` with a JSON `data` value and request metadata. */
export function sendEmail(
  runtime: BindingsRuntime,
  name: string,
  data: unknown,
  metadata: Record<string, string> = {},
  remainingMs?: number,
): Promise<HttpResponse> {
  return post(runtime, name, { operation: 'create', data, metadata }, remainingMs);
}
