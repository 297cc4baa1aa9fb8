import type { BundledComponent } from '../../../../src/components/types';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { receiveAll } from '../sqs/sqs-support';
import { uniqueName } from '../../../support/aws';
import { notifications, snsComponent, watchedTopic, type WatchedTopic } from './sns-support';

jest.setTimeout(60_000);

function withoutRegion(component: BundledComponent): BundledComponent {
  return { ...component, metadata: component.metadata.filter((item) => item.name !== 'region') };
}

describe('aws.sns binding against moto', () => {
  let topic: WatchedTopic;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    topic = await watchedTopic(uniqueName('dapr-sns'));
    const missingArn = topic.topicArn.replace(/[^:]+$/, uniqueName('dapr-sns-missing'));
    runtime = realRuntime([
      snsComponent('topic', topic.topicArn),
      withoutRegion(snsComponent('legacy', topic.topicArn, { awsRegion: 'us-east-1' })),
      snsComponent('missing', missingArn),
      snsComponent('elsewhere', topic.topicArn, { region: 'eu-west-1' }),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    topic?.close();
  });

  it('publishes the message and subject of the JSON data, 204 with no body', async () => {
    const answer = await post(runtime, 'topic', {
      operation: 'create',
      data: { message: 'hello <world>', subject: 'greeting' },
    });
    expect(answer.status).toBe(204);
    expect(answer.body.length).toBe(0);
    const [delivered, ...others] = await notifications(topic, 1);
    expect(others).toEqual([]);
    expect(delivered).toMatchObject({ Message: 'hello <world>', Subject: 'greeting', TopicArn: topic.topicArn });
  });

  it("prints non-string fields as Go's %v does, and a missing one as <nil>", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ message: { b: 1, a: [1, 'x', null] }, subject: 1000000 }, 'map[a:[1 x <nil>] b:1]', '1e+06'],
      [{ Message: 'case-insensitive', SUBJECT: true }, 'case-insensitive', 'true'],
      [{ message: 'only a message' }, 'only a message', '<nil>'],
      [null, '<nil>', '<nil>'],
    ];
    for (const [data] of cases) {
      expect((await post(runtime, 'topic', { operation: 'create', data })).status).toBe(204);
    }
    const delivered = await notifications(topic, cases.length);
    expect(delivered.map(({ Message, Subject }) => [Message, Subject]).sort()).toEqual(
      cases.map(([, message, subject]) => [message, subject]).sort(),
    );
  });

  it('reads the region from the legacy awsRegion name', async () => {
    expect((await post(runtime, 'legacy', { operation: 'create', data: { message: 'm', subject: 's' } })).status).toBe(
      204,
    );
    expect((await notifications(topic, 1)).map(({ Message }) => Message)).toEqual(['m']);
  });

  it("refuses data that is not a JSON object with Go's error, and publishes nothing", async () => {
    const cases: Array<[unknown, string]> = [
      ['hello', 'string'],
      [[1], 'array'],
      [3, 'number'],
      [false, 'bool'],
    ];
    for (const [data, kind] of cases) {
      const answer = await post(runtime, 'topic', { operation: 'create', data });
      expect(answer.status).toBe(500);
      expect(errorOf(answer)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: `error invoking output binding topic: json: cannot unmarshal ${kind} into Go value of type sns.dataPayload`,
      });
    }
    expect(await receiveAll(topic.sqs, topic.queueUrl)).toEqual([]);
  });

  it.each(['missing', 'elsewhere'])(
    "answers the Go SDK's NotFound error for a topic that is not there (%s)",
    async (name) => {
      const answer = await post(runtime, name, { operation: 'create', data: { message: 'm', subject: 's' } });
      expect(answer.status).toBe(500);
      expect(errorOf(answer).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
      expect(errorOf(answer).message).toMatch(
        new RegExp(
          `^error invoking output binding ${name}: operation error SNS: Publish, https response error StatusCode: 404, RequestID: \\S+, NotFound: .+$`,
        ),
      );
    },
  );
});
