import type { MetadataItem } from '../../../components/types';
import { metadataItem, subLiteral } from '../../../deploy/iam-resources';

/** Dapr's metadata templates, expanded only at run time. */
const TEMPLATE = /\{(?:uuid|podName|namespace|appID)\}/g;

/**
 * A resource name from component metadata for an ARN inside `Fn::Sub`: the literal value with any
 * Dapr template (`{appID}`, `{uuid}`…) as `*`; `*` when it is only known at run time (envRef,
 * secretKeyRef) or missing.
 */
export function arnNameOf(metadata: MetadataItem[], name: string): string {
  const item = metadataItem(metadata, name);
  if (!item || item.value === undefined || item.value === '') return '*';
  const parts = item.value.split(TEMPLATE).map(subLiteral);
  return parts.join('*');
}
