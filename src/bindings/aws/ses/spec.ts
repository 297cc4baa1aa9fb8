import { awsAuthFields, CALL_TIMEOUT_MS, validateAwsAuth } from '../../../aws/binding-auth';
import { defineBinding, field, type DecodedConfig } from '../../spec';

const OVERRIDE = 'Overridable per request with the metadata key of the same name.';

/**
 * The aws.ses component's fields, with daprd's names (components-contrib bindings/aws/ses/ses.go
 * `sesMetadata`, matched case-insensitively as daprd's decoder does).
 */
const sesFields = {
  ...awsAuthFields,
  endpoint: field.string({
    description: "Endpoint override, e.g. a local emulator (daprd's SES binding ignores it and always calls AWS).",
  }),
  emailFrom: field.string({ description: `Sender address (a verified SES identity). ${OVERRIDE}` }),
  emailTo: field.string({ description: `Recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailCc: field.string({ description: `CC recipients, separated by \`;\`. ${OVERRIDE}` }),
  emailBcc: field.string({ description: `BCC recipients, separated by \`;\`. ${OVERRIDE}` }),
  subject: field.string({ description: `Subject. ${OVERRIDE}` }),
};

/** The decoded aws.ses component configuration. */
export type SesConfig = DecodedConfig<typeof sesFields>;

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
  validate: (config) => validateAwsAuth(config),
  operationTimeoutMs: () => CALL_TIMEOUT_MS,
});
