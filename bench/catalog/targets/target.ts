/** What the warm bench needs from one binding: its component, the handler request, and the raw write it is compared with. */
import type { BundledComponent } from '../../../src/components/types';

/** One binding under test, with the raw-library baseline doing the same write. */
export interface BenchTarget {
  /** The row label, e.g. `redis` or `aws.s3`. */
  label: string;
  /** What the handler does, e.g. `create (SET)`. */
  operation: string;
  /** What the raw baseline does, e.g. `ioredis SET`. */
  baseline: string;
  /** The component the runtime serves (its name is the binding name the request goes to). */
  component: BundledComponent;
  /** The JSON body of handler call `i` (`POST /v1.0/bindings/<name>`). */
  request(i: number): unknown;
  /** The raw baseline's write `i`, with the same library and the same bytes. */
  raw(i: number): Promise<void>;
  /** Deletes what the run wrote (keys, rows, tables, queues, buckets) and closes the raw client. */
  cleanup(): Promise<void>;
}

/** Builds a target: creates its resources (table, queue, bucket) and connects the raw client. */
export type TargetFactory = () => Promise<BenchTarget>;

/** The `data` of request `i`: small and unique. */
export function payload(i: number): { orderId: string; seq: number } {
  return { orderId: `order-${i}`, seq: i };
}

/** The bytes a binding writes for `payload(i)` (Go's json.Marshal of it equals JSON.stringify here). */
export function payloadBytes(i: number): Buffer {
  return Buffer.from(JSON.stringify(payload(i)), 'utf8');
}

/** A bundled component from plain metadata. */
export function component(name: string, type: string, metadata: Record<string, string>): BundledComponent {
  return {
    name,
    type,
    version: 'v1',
    initTimeoutMs: 10_000,
    metadata: Object.entries(metadata).map(([key, value]) => ({ name: key, value })),
    source: 'bench',
  };
}
