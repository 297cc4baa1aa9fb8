import { randomBytes } from 'node:crypto';

/**
 * A suffix fixed for the life of this sandbox. An MQTT broker keeps one connection per client ID
 * and drops the older one when a second connects; Lambda runs many sandboxes of one function at
 * once, so daprd's single `<consumerID>-producer` would make them knock each other off the broker.
 */
export const SANDBOX_SUFFIX = randomBytes(4).toString('hex');

/** The client ID of the publishing connection: daprd's `<consumerID>-producer`, plus this sandbox's suffix. */
export function producerClientId(consumerID: string, suffix: string = SANDBOX_SUFFIX): string {
  return `${consumerID}-producer-${suffix}`;
}
