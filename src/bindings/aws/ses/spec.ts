import { awsFields } from '../../../aws/client-config';
import { defineBinding, field, type DecodedConfig } from '../../spec';

/** Bound of one TCP connect to the SES endpoint. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Bound of one SendEmail HTTP exchange once connected. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Attempts of one SendEmail (the SDK retries a throttle or a dropped connection once). */
export const MAX_ATTEMPTS = 2;

/** Refusal of the x509 (IAM Roles Anywhere) profile daprd selects when all three of its fields are set. */
export const X509_UNSUPPORTED =
  'IAM Roles Anywhere authentication (trustAnchorArn, trustProfileArn and assumeRoleArn) is not supported yet; use the Lambda role or accessKey/secretKey';

const OVERRIDE = 'Overridable per request with the metadata key of the same name.';

/**
 * The aws.ses component's fields, with daprd's names (components-contrib bindings/aws/ses/ses.go
 * `sesMetadata`, matched case-insensitively as daprd's decoder does).
 */
const sesFields = {
  ...awsFields,
  endpoint: field.string({
    description: "Endpoint override, e.g. a local emulator (daprd's SES binding ignores it and always calls AWS).",
  }),
  emailFrom: field.string({ description: `Sender address (a verified SES identity). ${OVERRIDE}` }),
  emailTo: field.string({ description: `Recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailCc: field.string({ description: `CC recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailBcc: field.string({ description: `BCC recipients, separated by \`;\`. ${OVERRIDE}` }),
  subject: field.string({ description: `Subject. ${OVERRIDE}` }),
  assumeRoleArn: field.string({
    description: "Not used by daprd's SES binding, except with trustAnchorArn and trustProfileArn (not supported).",
    ignored: true,
  }),
  trustAnchorArn: field.string({
    description: 'IAM Roles Anywhere trust anchor: not supported yet (with trustProfileArn and assumeRoleArn).',
  }),
  trustProfileArn: field.string({
    description: 'IAM Roles Anywhere profile: not supported yet (with trustAnchorArn and assumeRoleArn).',
  }),
};

/** The decoded aws.ses component configuration. */
export type SesConfig = DecodedConfig<typeof sesFields>;

/** daprd (common/aws/auth `isX509Auth`) switches to IAM Roles Anywhere only when all three fields are set. */
export function validateSesConfig(config: SesConfig): string[] {
  return config.trustAnchorArn && config.trustProfileArn && config.assumeRoleArn ? [X509_UNSUPPORTED] : [];
}

/** The aws.ses output binding (daprd: one `create` operation, SES v1 SendEmail). */
export const spec = defineBinding({
  type: 'bindings.aws.ses',
  versions: ['v1'],
  description: 'Sends an HTML e-mail with Amazon SES (SendEmail), one SDK client per component.',
  differences: [
    "`endpoint` is honoured (daprd's SES binding does not pass it to the SDK and always calls AWS). IAM Roles Anywhere (`trustAnchorArn` + `trustProfileArn` + `assumeRoleArn`) is refused at build time.",
    "A failure that is not an AWS reply (network, timeout) keeps daprd's prefix but carries the JavaScript SDK's text, after 2 attempts (daprd's Go SDK: 3).",
    "With a literal `emailFrom` in the component, the function's role may send only from that address (least privilege), so a request that overrides `emailFrom` with another address gets AccessDenied; leave `emailFrom` out of the component (or take it from envRef) to let requests choose any verified sender.",
  ],
  metadata: sesFields,
  operations: {
    create: {
      description:
        'Sends the data, which must be a JSON string, as a UTF-8 HTML body (SendEmail); 204 once SES accepted it.',
      metadata: {
        emailFrom: 'Sender; overrides the component value for this call (key matched case-insensitively).',
        emailTo: 'Recipients separated by `;`.',
        emailCc: 'CC recipients separated by `;`.',
        emailBcc: 'BCC recipients separated by `;`.',
        subject: 'Subject.',
      },
    },
  },
  validate: (config) => validateSesConfig(config),
  operationTimeoutMs: () => MAX_ATTEMPTS * (CONNECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS),
});
