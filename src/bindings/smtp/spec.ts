import { defineBinding, field, type DecodedConfig } from '../spec';
import { parsePriority } from './priority';

/** gomail's dial timeout (gopkg.in/gomail.v2 smtp.go), used here for connect and greeting alike. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Inactivity bound of one SMTP exchange; daprd has none (a silent server would hang it). */
export const SOCKET_TIMEOUT_MS = 30_000;

/** daprd's message when host or port is missing or 0 (bindings/smtp/smtp.go `parseMetadata`). */
export const HOST_PORT_REQUIRED = 'smtp binding error: host and port fields are required in metadata';

/** daprd's message when exactly one of user and password is set. */
export const USER_PASSWORD_PAIRED = 'smtp binding error: both user and password fields are required in metadata';

const OVERRIDE = 'Overridable per request with the metadata key of the same name.';

/** The smtp component's fields, with daprd's names (components-contrib bindings/smtp/smtp.go `Metadata`). */
const smtpFields = {
  host: field.string({ description: 'SMTP server host name or address. Required.' }),
  port: field.number({
    description: 'SMTP server port. Required (daprd has no default). 465 is implicit TLS; else STARTTLS when offered.',
  }),
  user: field.string({ description: 'User name for SMTP AUTH; give it with password, or neither.' }),
  password: field.string({ description: 'Password for SMTP AUTH; give it with user, or neither.', sensitive: true }),
  skipTLSVerify: field.bool({ description: "Don't verify the server's TLS certificate.", default: false }),
  emailFrom: field.string({ description: `Sender address. ${OVERRIDE}` }),
  emailTo: field.string({ description: `Recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailCC: field.string({ description: `CC recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailBCC: field.string({ description: `BCC recipients (envelope only), separated by \`;\`. ${OVERRIDE}` }),
  subject: field.string({ description: `Subject. ${OVERRIDE}` }),
  priority: field.string({
    description: `X-priority header, 1 (highest) to 5 (lowest); default 3. ${OVERRIDE}`,
  }),
};

/** The decoded smtp component configuration. */
export type SmtpConfig = DecodedConfig<typeof smtpFields>;

/** daprd's checks in `parseMetadata`, with its messages. */
function validateSmtpConfig(config: SmtpConfig): string[] {
  const errors: string[] = [];
  if (!config.host || !config.port) errors.push(HOST_PORT_REQUIRED);
  if (Boolean(config.user) !== Boolean(config.password)) errors.push(USER_PASSWORD_PAIRED);
  try {
    parsePriority(config.priority ?? '');
  } catch (error) {
    errors.push((error as Error).message);
  }
  return errors;
}

/** The smtp output binding (daprd: one `create` operation that sends one e-mail). */
export const spec = defineBinding({
  type: 'bindings.smtp',
  versions: ['v1'],
  description: 'Sends an HTML e-mail through an SMTP server, one connection per message (as daprd).',
  differences: [
    'Request overrides apply to that call only (daprd writes them into the component, so they leak into later calls). Each send is bounded by connect/greeting/inactivity timeouts and the invocation deadline (daprd: only a 10 s dial timeout).',
    "Addresses are checked before connecting (daprd: after); only Go's `no address`/`no angle-addr` texts are reproduced. If the server refuses some recipients, daprd sends nothing; here the others get the message and the answer is still daprd's 500. The header is spelled `X-Priority` (daprd `X-priority`) and a Message-ID is added.",
  ],
  metadata: smtpFields,
  operations: {
    create: {
      description:
        'Sends the data (unquoted when it is a JSON string) as a text/html body; 204 once the server accepted it.',
      metadata: {
        emailFrom: 'Sender; overrides the component value (exact key, non-empty).',
        emailTo: 'Recipients separated by `;`.',
        emailCC: 'CC recipients separated by `;`.',
        emailBCC: 'BCC recipients separated by `;` (not written to the headers).',
        subject: 'Subject.',
        priority: 'X-priority, 1 to 5.',
      },
    },
  },
  validate: (config) => validateSmtpConfig(config),
  // DNS + connect, greeting, then at most a few inactivity periods (EHLO, STARTTLS, AUTH, MAIL, DATA).
  operationTimeoutMs: () => 2 * CONNECT_TIMEOUT_MS + SOCKET_TIMEOUT_MS,
});
