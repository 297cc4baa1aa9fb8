import { Socket } from 'node:net';

/** The socket of one SMTP session, and whether it runs over TLS by the time AUTH starts. */
export interface SmtpSession {
  /** Handed to nodemailer, which connects it (and wraps it in TLS for STARTTLS or port 465). */
  socket: Socket;
  tls(): boolean;
}

const STARTTLS = Buffer.from('STARTTLS\r\n');

/**
 * A fresh socket that notes a STARTTLS command written on it in clear text. nodemailer fails the
 * session when the upgrade fails, so a session that goes on after that command runs over TLS.
 */
export function openSession(implicitTls: boolean): SmtpSession {
  const socket = new Socket();
  let upgraded = false;
  // Node's connect() resets `write` to the prototype's, so the watch goes on once connected.
  socket.once('connect', () => {
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (Buffer.isBuffer(chunk) && chunk.equals(STARTTLS)) upgraded = true;
      return write(chunk, ...rest);
    }) as Socket['write'];
  });
  return { socket, tls: () => implicitTls || upgraded };
}
