import { InvalidRequestMetadataError } from '../../api/errors';
import type { InvokeRequest } from '../driver';

/** Why a topic name cannot be published to (MQTT 3.1.1 §4.7), or undefined when it can. */
export function topicNameProblem(topic: string): string | undefined {
  if (/[+#]/.test(topic)) return `topic "${topic}" contains a wildcard (+ or #), which only subscriptions may use`;
  if (topic.includes('\u0000')) return `topic "${topic.replace(/\u0000/g, '\\u0000')}" contains the null character`;
  if (Buffer.byteLength(topic) > 65_535) return 'topic is longer than 65535 bytes';
  return undefined;
}

/**
 * The topic of one `create`: the request metadata `topic` (exact-case key) when it is not empty,
 * else the component topic, as daprd's `Invoke`. Checked before anything is sent: a broker closes
 * the connection of a client that publishes to a wildcard topic.
 */
export function publishTopic(request: InvokeRequest, componentTopic: string): string {
  const requested = request.metadata.topic;
  const topic = requested === undefined || requested === '' ? componentTopic : requested;
  const problem = topicNameProblem(topic);
  if (problem) throw new InvalidRequestMetadataError(request.name, `failed to publish: ${problem}`);
  return topic;
}
