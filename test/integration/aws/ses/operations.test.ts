import { randomUUID } from 'node:crypto';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { PrivateMoto } from '../../../support/private-moto';
import { messagesWithSubject, sendEmail, sesComponent, uniqueAddress, verifyIdentity } from './ses-support';

jest.setTimeout(60_000);

// A moto of its own: the messages are read through /moto-api/data.json, which dumps every service's
// state and fails (500) once another suite has deleted an S3 bucket that still had objects tracked.
describe('aws.ses binding against moto', () => {
  let moto: PrivateMoto;
  let endpoint: string;
  const sender = uniqueAddress('sender');
  const other = uniqueAddress('other-sender');
  const to = uniqueAddress('to');
  const unverified = uniqueAddress('nobody');
  let subject: string;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    moto = await PrivateMoto.start();
    endpoint = moto.endpoint;
    await verifyIdentity(endpoint, sender);
    await verifyIdentity(endpoint, other);
    runtime = realRuntime([
      sesComponent('mail', endpoint, { emailFrom: sender, emailTo: to, subject: 'component subject' }),
      sesComponent('full', endpoint, {
        emailFrom: sender,
        emailTo: `${to};second@example.com`,
        emailCc: 'cc1@example.com;cc2@example.com',
        emailBcc: 'bcc@example.com',
      }),
      sesComponent('bare', endpoint),
      sesComponent('unverified', endpoint, { emailFrom: unverified, emailTo: to }),
    ]);
  });

  beforeEach(() => {
    subject = `subject ${randomUUID()}`;
  });

  afterAll(async () => {
    await runtime?.close();
    await moto?.stop();
  });

  it('sends the unquoted JSON string as the HTML body, from the component fields: 204 with no body', async () => {
    const response = await sendEmail(runtime, 'mail', '<h1>Hello</h1> & "quotes"\né', { subject });
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    const messages = await messagesWithSubject(endpoint, subject);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      source: sender,
      subject,
      body: '<h1>Hello</h1> & "quotes"\né',
      destinations: { ToAddresses: [to] },
    });
    expect(messages[0]!.destinations.CcAddresses ?? []).toEqual([]);
    expect(messages[0]!.destinations.BccAddresses ?? []).toEqual([]);
  });

  it('splits To, Cc and Bcc on ";" and sends each list as SES destinations', async () => {
    expect((await sendEmail(runtime, 'full', 'lists', { subject })).status).toBe(204);
    const [message] = await messagesWithSubject(endpoint, subject);
    expect(message!.destinations).toEqual({
      ToAddresses: [to, 'second@example.com'],
      CcAddresses: ['cc1@example.com', 'cc2@example.com'],
      BccAddresses: ['bcc@example.com'],
    });
  });

  it('lets request metadata (any key case) override every field for that call only', async () => {
    const metadata = {
      emailFrom: other,
      EMAILTO: 'x@example.com;y@example.com',
      emailCC: 'c@example.com',
      emailbcc: 'b@example.com',
      Subject: subject,
    };
    expect((await sendEmail(runtime, 'mail', 'overridden', metadata)).status).toBe(204);
    const [message] = await messagesWithSubject(endpoint, subject);
    expect(message).toMatchObject({
      source: other,
      body: 'overridden',
      destinations: {
        ToAddresses: ['x@example.com', 'y@example.com'],
        CcAddresses: ['c@example.com'],
        BccAddresses: ['b@example.com'],
      },
    });

    // the next call is back on the component's values (daprd merges into a copy as well)
    const marker = `next ${randomUUID()}`;
    expect((await sendEmail(runtime, 'mail', marker)).status).toBe(204);
    const next = (await messagesWithSubject(endpoint, 'component subject')).filter((m) => m.body === marker);
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ source: sender, destinations: { ToAddresses: [to] } });
  });

  it('clears a component field with an empty request value, as daprd', async () => {
    const response = await sendEmail(runtime, 'full', 'no cc', { subject, emailCc: '' });
    expect(response.status).toBe(204);
    const [message] = await messagesWithSubject(endpoint, subject);
    expect(message!.destinations.CcAddresses ?? []).toEqual([]);
    expect(message!.destinations.BccAddresses).toEqual(['bcc@example.com']);

    const cleared = await sendEmail(runtime, 'mail', 'x', { emailTo: '' });
    expect(errorOf(cleared).message).toBe(
      'error invoking output binding mail: SES binding error: emailTo property not supplied in configuration- or request-metadata',
    );
  });

  it('overrides nothing when two request keys differ only in case (daprd ignores its decoder error)', async () => {
    const marker = `duplicate ${randomUUID()}`;
    const metadata = { subject, SUBJECT: subject, emailTo: 'x@example.com' };
    expect((await sendEmail(runtime, 'mail', marker, metadata)).status).toBe(204);
    const sent = (await messagesWithSubject(endpoint, 'component subject')).filter((m) => m.body === marker);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.destinations.ToAddresses).toEqual([to]);
  });

  it("answers daprd's errors for missing fields, in daprd's order, and sends nothing", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'emailFrom'],
      [{ emailTo: to, subject }, 'emailFrom'],
      [{ emailFrom: sender, subject }, 'emailTo'],
      [{ emailFrom: sender, emailTo: to }, 'subject'],
    ];
    for (const [metadata, field] of cases) {
      const response = await sendEmail(runtime, 'bare', 'x', metadata);
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: `error invoking output binding bare: SES binding error: ${field} property not supplied in configuration- or request-metadata`,
      });
    }
    expect(await messagesWithSubject(endpoint, subject)).toEqual([]);
  });

  it("refuses data that is not a JSON string with daprd's unquote error, and sends nothing", async () => {
    for (const data of [{ html: '<p>x</p>' }, 42, null, ['a'], true]) {
      const response = await sendEmail(runtime, 'mail', data, { subject });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: "error invoking output binding mail: SES binding error. Can't unquote data field: invalid syntax",
      });
    }
    const absent = await post(runtime, 'mail', { operation: 'create', metadata: { subject } });
    expect(errorOf(absent).message).toBe(
      "error invoking output binding mail: SES binding error. Can't unquote data field: invalid syntax",
    );
    expect(await messagesWithSubject(endpoint, subject)).toEqual([]);
  });

  it("gives SES's MessageRejected for an unverified sender in the Go SDK's shape, and the driver stays usable", async () => {
    const response = await sendEmail(runtime, 'unverified', 'x', { subject });
    expect(response.status).toBe(500);
    const { errorCode, message } = errorOf(response);
    expect(errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(message).toMatch(
      /^error invoking output binding unverified: SES binding error\. Sending email failed: operation error SES: SendEmail, https response error StatusCode: 400, RequestID: \w+, MessageRejected: Email address not verified /,
    );
    expect(message.endsWith(`Email address not verified ${unverified}`)).toBe(true);
    expect(await messagesWithSubject(endpoint, subject)).toEqual([]);

    // same component, a verified sender given per request: the kept client sends it
    expect((await sendEmail(runtime, 'unverified', 'ok', { subject, emailFrom: sender })).status).toBe(204);
    expect(await messagesWithSubject(endpoint, subject)).toHaveLength(1);
  });

  it("passes SES's refusal of a malformed address through (moto: InvalidParameterValue)", async () => {
    const response = await sendEmail(runtime, 'mail', 'x', { subject, emailTo: `${to};;` });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      /^error invoking output binding mail: SES binding error\. Sending email failed: operation error SES: SendEmail, https response error StatusCode: 400, RequestID: \S*, api error InvalidParameterValue: /,
    );
    expect(await messagesWithSubject(endpoint, subject)).toEqual([]);
  });
});
