import { randomUUID } from 'node:crypto';
import type { InvokeRequest } from '../../driver';

/**
 * The record's partition key as daprd reads it: request metadata `partitionKey` (exact case), a new
 * UUID v4 when it is absent or empty (bindings/aws/kinesis `Invoke`).
 */
export function partitionKeyOf(request: InvokeRequest, newKey: () => string = randomUUID): string {
  const key = request.metadata.partitionKey;
  return key === undefined || key === '' ? newKey() : key;
}
