/**
 * A real SMTP server for tests and local runs (smtp-server + mailparser) that records every message.
 *
 *   const smtp = await SmtpRecorder.start({ auth: { user: 'u', password: 'p' } });
 *   // component metadata: host = smtp.host, port = smtp.port (user/password when auth is on)
 *   const [mail] = smtp.messages;          // envelope, raw bytes, parsed headers, html/text
 *   await smtp.stop(); await smtp.start(); // down, then back on the same port
 *   await smtp.close();                    // stop for good
 *
 * Options: `port`, `host` (any 127.x address works on Linux), `auth` (require AUTH) with
 * `authMethods`, `starttls`, `refuseRecipients`.
 *
 * Plain SMTP by default (no STARTTLS offered); `starttls: true` offers STARTTLS with smtp-server's
 * built-in self-signed certificate, so clients must skip verification.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type HeaderValue } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

/** How to run the recorder. */
export interface SmtpRecorderOptions {
  /** Port to listen on; 0 or absent picks a free one (kept across stop/start). */
  port?: number;
  /** Address to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** Require AUTH with these credentials; without it AUTH is not offered. */
  auth?: { user: string; password: string };
  /** Mechanisms offered with `auth`, in this order; PLAIN and LOGIN unless given. */
  authMethods?: ReadonlyArray<'PLAIN' | 'LOGIN' | 'CRAM-MD5'>;
  /** Offer STARTTLS with the built-in self-signed certificate. */
  starttls?: boolean;
  /** Recipients refused at RCPT TO with `550 5.1.1 <address>: mailbox unavailable`. */
  refuseRecipients?: readonly string[];
}

/** One message the server accepted (250 after DATA). */
export interface RecordedMail {
  /** MAIL FROM and RCPT TO addresses. */
  envelope: { from: string; to: string[] };
  /** The message exactly as received after DATA. */
  raw: Buffer;
  /** Parsed headers, keys lower-case (mailparser's `headers`). */
  headers: Map<string, HeaderValue>;
  /** Header lines as received: lower-case key and the raw `Name: value` line. */
  headerLines: ReadonlyArray<{ key: string; line: string }>;
  subject: string | undefined;
  /** The HTML body, decoded, as mailparser gives it (ending with the message's last line break), or undefined. */
  html: string | undefined;
  /**
   * The decoded HTML (else text) body without the final line break that ends every SMTP message
   * (so a body that itself ended with one reads the same as one that did not).
   */
  body: string | undefined;
  /** The text body (mailparser derives one from HTML when there is none). */
  text: string | undefined;
  /** The user that authenticated, when AUTH is on. */
  user: string | undefined;
  /** The SASL mechanism the client used, when AUTH is on. */
  authMethod: string | undefined;
  /** Whether the session ran over TLS. */
  secure: boolean;
}

/** A recording SMTP server on 127.0.0.1 that can be stopped and started again on the same port. */
export class SmtpRecorder {
  /** Every accepted message, oldest first. */
  readonly messages: RecordedMail[] = [];
  private server: SMTPServer | undefined;
  private readonly authMethodBySession = new Map<string, string>();
  private listeningPort: number;

  private constructor(private readonly options: SmtpRecorderOptions) {
    this.listeningPort = options.port ?? 0;
  }

  /** Starts a recorder; resolves once it listens. */
  static async start(options: SmtpRecorderOptions = {}): Promise<SmtpRecorder> {
    const recorder = new SmtpRecorder(options);
    await recorder.start();
    return recorder;
  }

  /** The address it listens on. */
  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** The port it listens on (the same after a restart). */
  get port(): number {
    return this.listeningPort;
  }

  /** Whether it is listening now. */
  get running(): boolean {
    return this.server !== undefined;
  }

  /** Forgets the recorded messages. */
  clear(): void {
    this.messages.length = 0;
  }

  /** Listens again (on the port it had) after `stop`; a no-op when running. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer(this.serverOptions());
    server.on('error', () => undefined); // a client that drops mid-session is not the test's failure
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.listeningPort, this.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.listeningPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open sessions; `start` brings it back on the same port. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops for good (same as `stop`; named for `afterAll`). */
  async close(): Promise<void> {
    await this.stop();
  }

  private serverOptions(): SMTPServerOptions {
    const { auth, starttls } = this.options;
    return {
      // Also keeps smtp-server from warning on stderr about its built-in certificate.
      logger: false,
      disabledCommands: [...(starttls ? [] : ['STARTTLS']), ...(auth ? [] : ['AUTH'])],
      authMethods: [...(this.options.authMethods ?? ['PLAIN', 'LOGIN'])],
      authOptional: !auth,
      allowInsecureAuth: true,
      closeTimeout: 100,
      onAuth: (credentials, session, callback) => {
        const passwordMatches =
          credentials.method === 'CRAM-MD5'
            ? auth !== undefined && credentials.validatePassword(auth.password)
            : credentials.password === auth?.password;
        if (auth && credentials.username === auth.user && passwordMatches) {
          this.authMethodBySession.set(session.id, credentials.method);
          callback(null, { user: credentials.username });
        } else {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.options.refuseRecipients?.includes(address.address)) return callback();
        const refusal = new Error(`5.1.1 <${address.address}>: mailbox unavailable`);
        callback(Object.assign(refusal, { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          this.record(raw, session).then(
            () => callback(),
            (error: Error) => callback(error),
          );
        });
      },
    };
  }

  private async record(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
    const from = session.envelope.mailFrom;
    const html = parsed.html === false ? undefined : parsed.html;
    this.messages.push({
      envelope: {
        from: from ? from.address : '',
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      },
      raw,
      headers: parsed.headers,
      headerLines: parsed.headerLines,
      subject: parsed.subject,
      html,
      body: (html ?? parsed.text)?.replace(/\r?\n$/, ''),
      text: parsed.text,
      user: typeof session.user === 'string' ? session.user : undefined,
      authMethod: this.authMethodBySession.get(session.id),
      secure: session.secure,
    });
  }
}
