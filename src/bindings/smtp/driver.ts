import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DriverFailureError } from '../../api/errors';
import type { Driver, DriverContext, InvokeRequest, OperationContext } from '../driver';
import { describeFailure, goReply, type NodemailerError } from './failure';
import { composeEmail, GOMAIL_SEND, SEND_FAILED, type Email } from './request';
import { gomailAuth } from './sasl';
import { openSession } from './session';
import { CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS, type SmtpConfig } from './spec';

/**
 * nodemailer options with gomail's behaviour (gopkg.in/gomail.v2 `Dialer`): implicit TLS on port
 * 465, otherwise STARTTLS whenever the server offers it; AUTH only when the server offers it; EHLO
 * as "localhost". Not pooled: like daprd, each message gets its own connection.
 */
export function transportOptions(config: SmtpConfig): SMTPTransport.Options {
  const port = config.port ?? 0;
  return {
    host: config.host,
    port,
    secure: port === 465,
    name: 'localhost',
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    tls: {
      rejectUnauthorized: !config.skipTLSVerify,
      servername: config.host && isIP(config.host) === 0 ? config.host : undefined,
    },
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    dnsTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

/**
 * Sends one e-mail over a connection of its own, as gomail's `DialAndSend`. The transporter is made
 * per message because its socket and AUTH handlers belong to that one session (Go's AUTH rules
 * need to know whether STARTTLS ran); a non-pooled transporter holds nothing between messages.
 */
async function send(config: SmtpConfig, email: Email, signal: AbortSignal): Promise<SMTPTransport.SentMessageInfo> {
  const options = transportOptions(config);
  const session = openSession(options.secure === true);
  const transporter = nodemailer.createTransport({
    ...options,
    socket: session.socket,
    customAuth: gomailAuth(() => ({ tls: session.tls(), host: config.host ?? '' })),
  });
  try {
    return await transporter.sendMail({
      from: email.from,
      to: email.to,
      cc: email.cc,
      bcc: email.bcc,
      subject: email.subject,
      html: email.html,
      envelope: email.envelope,
      headers: { 'X-priority': String(email.priority) },
      textEncoding: 'quoted-printable',
      signal,
    });
  } finally {
    transporter.close();
    session.socket.destroy();
  }
}

/** `create` sends one e-mail and answers 204 once the server took it (250 after DATA). */
export async function createSmtpDriver(config: SmtpConfig, context: DriverContext): Promise<Driver<'create'>> {
  if (!config.user) context.logger.warn('smtp binding warn: User and password are empty');
  if (config.skipTLSVerify) {
    context.logger.warn(
      'smtp binding warning: Skip TLS Verification is enabled. This is insecure and is NOT recommended for production scenarios.',
    );
  }
  const address = `${config.host}:${config.port}`;

  const create = async (request: InvokeRequest, { signal, logger }: OperationContext): Promise<void> => {
    const email = composeEmail(config, request); // validates before anything is sent
    let info: SMTPTransport.SentMessageInfo;
    try {
      info = await send(config, email, signal);
    } catch (error) {
      const failure = describeFailure(error as NodemailerError, address);
      // A server's reply leaves nothing to rebuild; anything else is a raw error and the pool starts afresh.
      if (failure.fromServer) throw new DriverFailureError(request.name, failure.message, { cause: error });
      throw new Error(failure.message, { cause: error });
    }
    const firstRejected = (info as { rejectedErrors?: NodemailerError[] }).rejectedErrors?.[0];
    if (firstRejected?.response) {
      // gomail stops at the first refused RCPT; nodemailer went on and delivered to the accepted ones.
      logger.warn('smtp binding: some recipients were refused; the message went to the others', {
        accepted: info.accepted.length,
        rejected: info.rejected.length,
      });
      throw new DriverFailureError(request.name, SEND_FAILED + GOMAIL_SEND + goReply(firstRejected.response));
    }
    logger.debug('smtp binding: sent email successfully');
  };

  return {
    operations: { create },
    close: async () => undefined, // no connection outlives its message
  };
}
