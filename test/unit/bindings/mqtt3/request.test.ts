import { InvalidRequestMetadataError } from '../../../../src/api/errors';
import type { InvokeRequest } from '../../../../src/bindings/driver';
import { publishTopic, topicNameProblem } from '../../../../src/bindings/mqtt3/request';

function request(metadata: Record<string, string>): InvokeRequest {
  return { name: 'mqtt-out', operation: 'create', data: Buffer.from('"x"'), metadata };
}

describe('publishTopic', () => {
  it('publishes to the component topic by default', () => {
    expect(publishTopic(request({}), 'component/topic')).toBe('component/topic');
  });

  it('lets the request metadata topic override it, exact-case key only, as daprd reads req.Metadata["topic"]', () => {
    expect(publishTopic(request({ topic: 'other/topic' }), 'component/topic')).toBe('other/topic');
    expect(publishTopic(request({ Topic: 'other/topic' }), 'component/topic')).toBe('component/topic');
  });

  it('ignores an empty request topic', () => {
    expect(publishTopic(request({ topic: '' }), 'component/topic')).toBe('component/topic');
  });

  it('refuses a wildcard or null character before anything is sent, keeping the driver', () => {
    let error: unknown;
    try {
      publishTopic(request({ topic: 'sensors/+/temp' }), 'component/topic');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRequestMetadataError);
    expect((error as Error).message).toBe(
      'error invoking output binding mqtt-out: failed to publish: topic "sensors/+/temp" contains a wildcard (+ or #), which only subscriptions may use',
    );
    expect(() => publishTopic(request({}), 'all/#')).toThrow(InvalidRequestMetadataError);
    expect(topicNameProblem('a\u0000b')).toBe('topic "a\\u0000b" contains the null character');
    expect(topicNameProblem('x'.repeat(65_536))).toBe('topic is longer than 65535 bytes');
    expect(topicNameProblem('a/b/c')).toBeUndefined();
    expect(topicNameProblem('/')).toBeUndefined();
  });
});
