import { createHmac } from 'node:crypto';
import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthHandlers } from 'nodemailer/lib/smtp-connection';

/** The SASL mechanisms gomail's `Dialer` uses. */
export type GomailMechanism = 'CRAM-MD5' | 'LOGIN' | 'PLAIN';

/** gomail's choice (gopkg.in/gomail.v2 smtp.go `Dial`): CRAM-MD5 if offered, LOGIN if offered without PLAIN, else PLAIN. */
export function gomailMechanism(advertised: readonly string[]): GomailMechanism {
  if (advertised.includes('CRAM-MD5')) return 'CRAM-MD5';
  if (advertised.includes('LOGIN') && !advertised.includes('PLAIN')) return 'LOGIN';
  return 'PLAIN';
}

const LOCALHOST = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Go's refusal to authenticate without TLS: net/smtp `PlainAuth` refuses unless the host is
 * localhost ("unencrypted connection"); gomail's LOGIN refuses unless LOGIN was offered.
 */
export function cleartextRefusal(
  mechanism: GomailMechanism,
  session: { tls: boolean; host: string; advertised: readonly string[] },
): string | undefined {
  if (session.tls) return undefined;
  if (mechanism === 'PLAIN' && !LOCALHOST.has(session.host)) return 'unencrypted connection';
  if (mechanism === 'LOGIN' && !session.advertised.includes('LOGIN')) return 'gomail: unencrypted connection';
  return undefined;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A reply that ends the exchange: nodemailer reports it with the server's text (Go's textproto error). */
class UnexpectedReply extends Error {}

/** Runs one SASL exchange; each step sends a command and expects 334 (more) or 235 (done). */
async function exchange(ctx: SMTPConnectionCustomAuthContext, mechanism: GomailMechanism): Promise<void> {
  const { user, pass } = ctx.auth.credentials;
  const send = async (command: string, expected: number) => {
    const reply = await ctx.sendCommand(command);
    if (reply.status !== expected) throw new UnexpectedReply('Invalid login');
    return reply;
  };
  switch (mechanism) {
    case 'PLAIN':
      await send(`AUTH PLAIN ${base64(`\0${user}\0${pass}`)}`, 235);
      return;
    case 'LOGIN':
      await send('AUTH LOGIN', 334);
      await send(base64(user), 334);
      await send(base64(pass), 235);
      return;
    case 'CRAM-MD5': {
      const challenge = Buffer.from((await send('AUTH CRAM-MD5', 334)).text, 'base64');
      const digest = createHmac('md5', pass).update(challenge).digest('hex');
      await send(base64(`${user} ${digest}`), 235);
      return;
    }
  }
}

/**
 * nodemailer `customAuth` handlers that authenticate as gomail does, whichever mechanism nodemailer
 * selected. `session` tells whether the connection is TLS at the time AUTH starts.
 */
export function gomailAuth(session: () => { tls: boolean; host: string }): SMTPConnectionCustomAuthHandlers {
  const handler = async (ctx: SMTPConnectionCustomAuthContext): Promise<void> => {
    const mechanism = gomailMechanism(ctx.authMethods);
    const refusal = cleartextRefusal(mechanism, { ...session(), advertised: ctx.authMethods });
    if (refusal) throw new Error(refusal);
    await exchange(ctx, mechanism);
  };
  return { PLAIN: handler, LOGIN: handler, 'CRAM-MD5': handler, XOAUTH2: handler };
}
