/** Building blocks of IAM statements shared by the deploy rules and each AWS binding's own rule. */
import type { MetadataItem } from '../components/types';

/** A CloudFormation string: a literal, or `Fn::Sub` over the pseudo parameters (`${AWS::Region}` & co.). */
export type IamResource = string | { 'Fn::Sub': string };

/** One IAM policy statement, in the shape `provider.iam.role.statements` takes. */
export interface IamStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: IamResource[];
  /** IAM condition operators to keys to values, e.g. `{ StringEquals: { 'ses:FromAddress': 'a@b.c' } }`. */
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** `${` starts a substitution in `Fn::Sub`; `${!` writes it literally. */
export function subLiteral(text: string): string {
  return text.replace(/\$\{/g, '${!');
}

/**
 * Where a component's or store's `region` metadata puts the resource: a literal region; `${AWS::Region}` (the
 * function's own, which the AWS SDK uses) when it is absent or empty; `*` when it is only known at
 * run time (an `envRef` or a `secretKeyRef`).
 */
export function regionOf(component: { metadata: MetadataItem[] }): string {
  const item = metadataItem(component.metadata, 'region');
  if (!item) return '${AWS::Region}';
  if (item.envRef !== undefined || item.secretKeyRef !== undefined) return '*';
  const value = item.value?.trim() ?? '';
  return value === '' ? '${AWS::Region}' : subLiteral(value);
}

/** Dapr matches metadata names case-insensitively. */
export function metadataItem(metadata: MetadataItem[], name: string): MetadataItem | undefined {
  const lower = name.toLowerCase();
  return metadata.find((item) => item.name.toLowerCase() === lower);
}
