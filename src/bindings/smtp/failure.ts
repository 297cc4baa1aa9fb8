import { GOMAIL_SEND, SEND_FAILED } from './request';

/** The fields nodemailer puts on its errors. */
export interface NodemailerError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  rejectedErrors?: NodemailerError[];
}

/** Commands of gomail's send phase: their failures carry gomail's "could not send email 1" prefix. */
const SEND_PHASE = new Set(['MAIL FROM', 'RCPT TO', 'DATA']);

/** Go's `textproto.Error` text for a server reply: "<code> <lines without their code prefix, joined by \n>". */
export function goReply(response: string): string {
  const lines = response.split(/\r?\n/).filter((line) => line !== '');
  const code = /^\d{3}/.exec(lines[0] ?? '')?.[0];
  if (!code) return response;
  return `${code} ${lines.map((line) => line.replace(/^\d{3}[ -]?/, '')).join('\n')}`;
}

/** Go's `host:port` form of a Node socket address ("::1:25" → "[::1]:25"). */
function goHostPort(address: string): string {
  const match = /^(.*):(\d+)$/.exec(address);
  if (!match || !match[1]!.includes(':')) return address;
  return `[${match[1]}]:${match[2]}`;
}

/** A failure: daprd's message, and whether the server itself answered it (the connection was sound). */
export interface SendFailure {
  message: string;
  fromServer: boolean;
}

/**
 * daprd's message for a failed send: Go's net and textproto texts where nodemailer's error maps to
 * one (refused, dial timeout, a server reply), nodemailer's own message otherwise.
 */
export function describeFailure(error: NodemailerError, address: string): SendFailure {
  const rejected = error.command === 'RCPT TO' ? (error.rejectedErrors?.[0]?.response ?? error.response) : undefined;
  const response = rejected ?? error.response;
  if (error.responseCode && response) {
    const prefix = SEND_PHASE.has(error.command ?? '') ? GOMAIL_SEND : '';
    return { message: SEND_FAILED + prefix + goReply(response), fromServer: true };
  }
  const refused = /ECONNREFUSED (\S+)/.exec(error.message);
  if (refused)
    return {
      message: `${SEND_FAILED}dial tcp ${goHostPort(refused[1]!)}: connect: connection refused`,
      fromServer: false,
    };
  if (error.code === 'ETIMEDOUT' && error.command === 'CONN') {
    return { message: `${SEND_FAILED}dial tcp ${address}: i/o timeout`, fromServer: false };
  }
  return { message: SEND_FAILED + error.message, fromServer: false };
}
