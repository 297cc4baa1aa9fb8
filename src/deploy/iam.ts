/**
 * Least-privilege IAM for a stage: the statements its bundled components need on AWS, derived at
 * build time from the manifest and added to the function's role by the Serverless plugin.
 *
 * Each binding and secret store type has one entry in a registry below; a type that needs nothing
 * on AWS (Kafka, the local secret stores) maps to {@link noStatements}. A type missing from its
 * registry fails the build, so a new type cannot ship with a silently incomplete role.
 */
import { dynamodbIamRule } from '../bindings/aws/dynamodb/iam';
import { kinesisIamRule } from '../bindings/aws/kinesis/iam';
import { s3IamRule } from '../bindings/aws/s3/iam';
import { sesIamRule } from '../bindings/aws/ses/iam';
import { snsIamRule } from '../bindings/aws/sns/iam';
import { sqsIamRule } from '../bindings/aws/sqs/iam';
import type { BundledComponent, BundledSecretStore, BundleManifest } from '../components/types';
import { metadataItem, regionOf, subLiteral, type IamResource, type IamStatement } from './iam-resources';

export type { IamResource, IamStatement } from './iam-resources';

/** A secret store as the stage uses it: the store and the secret names its components' `secretKeyRef`s read. */
export interface SecretStoreUse {
  store: BundledSecretStore;
  /** Sorted, without duplicates. */
  secretNames: string[];
}

/** The statements a bundled binding component needs, from its own metadata. */
export type BindingIamRule = (component: BundledComponent) => IamStatement[];
/** The statements a secret store needs to serve exactly the secrets the stage reads from it. */
export type SecretStoreIamRule = (use: SecretStoreUse) => IamStatement[];

/** For types that never touch AWS. */
export const noStatements = (): IamStatement[] => [];

/**
 * What each binding type needs. Add an entry with the type (e.g. `bindings.aws.s3` reading its
 * `bucket` and `region` metadata, like {@link secretsManager} below).
 */
export const BINDING_IAM_RULES: Readonly<Record<string, BindingIamRule>> = {
  'bindings.kafka': noStatements, // brokers are reached over the network; MSK IAM auth (awsiam) is not supported yet
  'bindings.redis': noStatements, // the server is reached over the network; Entra ID/OIDC auth is not supported yet
  'bindings.localstorage': noStatements, // files on the function's own file system (/tmp)
  'bindings.http': noStatements, // the endpoint is reached over the network
  'bindings.mqtt3': noStatements, // the broker is reached over the network (tcp, TLS or websocket URL)
  'bindings.postgresql': noStatements, // the server is reached over the network; AWS IAM auth is not supported yet
  'bindings.smtp': noStatements, // the SMTP server is reached over the network
  'bindings.rabbitmq': noStatements, // the broker is reached over the network (AMQP URL)
  'bindings.mysql': noStatements, // the server is reached over the network (DSN)
  'bindings.aws.dynamodb': dynamodbIamRule, // dynamodb:PutItem on the table
  'bindings.aws.kinesis': kinesisIamRule, // kinesis:PutRecord on the stream
  'bindings.aws.s3': s3IamRule, // object actions on <bucket>/*, s3:ListBucket on the bucket
  'bindings.aws.ses': sesIamRule, // ses:SendEmail on the region's identities, from emailFrom when it is literal
  'bindings.aws.sqs': sqsIamRule, // sqs:GetQueueUrl and sqs:SendMessage on the queue
  'bindings.aws.sns': snsIamRule, // sns:Publish on the topic ARN
};

/**
 * `secretstores.aws.secretmanager`: `GetSecretValue` on each referenced secret. A secret's ARN ends
 * in `-` and six random characters, hence `-??????`; a name given as a full ARN is used as it is
 * (and with the suffix pattern, for a partial ARN).
 */
const secretsManager: SecretStoreIamRule = ({ store, secretNames }) => {
  const region = regionOf(store);
  const resources: IamResource[] = [];
  for (const name of secretNames) {
    if (name.startsWith('arn:')) resources.push(name, `${name}-??????`);
    else
      resources.push({
        'Fn::Sub': `arn:\${AWS::Partition}:secretsmanager:${region}:\${AWS::AccountId}:secret:${subLiteral(name)}-??????`,
      });
  }
  return [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: resources }];
};

/**
 * `secretstores.aws.parameterstore`: reads `<prefix><name>`. A parameter's ARN is
 * `parameter/<name without its leading slash>`. A prefix known only at run time (an `envRef`)
 * becomes `*`, which still pins the name's end.
 */
export const parameterStore: SecretStoreIamRule = ({ store, secretNames }) => {
  const region = regionOf(store);
  const prefixItem = metadataItem(store.metadata, 'prefix');
  const prefixKnown = !prefixItem || prefixItem.value !== undefined;
  const prefix = prefixItem?.value ?? '';
  const resources: IamResource[] = [];
  for (const name of secretNames) {
    const full = prefixKnown ? `${prefix}${name}` : name;
    if (prefixKnown && full.startsWith('arn:')) {
      resources.push(full);
      continue;
    }
    const path = `${prefixKnown ? '' : '*'}${full.replace(/^\/+/, '')}`;
    resources.push({
      'Fn::Sub': `arn:\${AWS::Partition}:ssm:${region}:\${AWS::AccountId}:parameter/${subLiteral(path)}`,
    });
  }
  return [{ Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'], Resource: resources }];
};

/** What each secret store type needs for the secrets read from it. */
export const SECRET_STORE_IAM_RULES: Readonly<Record<string, SecretStoreIamRule>> = {
  'secretstores.aws.secretmanager': secretsManager,
  'secretstores.aws.parameterstore': parameterStore,
  'secretstores.local.env': noStatements,
  'secretstores.local.file': noStatements,
};

/** The store with `{appID}` in its literal values expanded, as the runtime expands it (a prefix often holds it). */
function withTemplatesExpanded(store: BundledSecretStore, appId: string): BundledSecretStore {
  const expand = (value: string) => value.replace(/\{appID\}/g, appId);
  return {
    ...store,
    metadata: store.metadata.map((item) => (item.value ? { ...item, value: expand(item.value) } : item)),
  };
}

/** The secret names each store serves to the stage's components, by store name. */
function secretUses(manifest: BundleManifest): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  for (const component of manifest.components) {
    const names = component.metadata.flatMap((item) => (item.secretKeyRef ? [item.secretKeyRef.name] : []));
    if (names.length === 0) continue;
    const storeName = component.secretStore;
    if (!storeName)
      throw new Error(`${component.source}: component "${component.name}" uses secretKeyRef without auth.secretStore`);
    if (!manifest.secretStores.some((store) => store.name === storeName))
      throw new Error(
        `${component.source}: component "${component.name}" reads secrets from store "${storeName}", which is not bundled`,
      );
    const set = uses.get(storeName) ?? new Set<string>();
    for (const name of names) set.add(name);
    uses.set(storeName, set);
  }
  return uses;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function resourceKey(resource: IamResource): string {
  return typeof resource === 'string' ? resource : resource['Fn::Sub'];
}

/** Drops empty statements; sorts and de-duplicates actions and resources. */
function normalise(statements: IamStatement[]): IamStatement[] {
  return statements
    .map((statement) => {
      const resources = new Map(statement.Resource.map((r) => [resourceKey(r), r] as const));
      return {
        Effect: statement.Effect,
        Action: [...new Set(statement.Action)].sort(compare),
        Resource: [...resources.keys()].sort(compare).map((key) => resources.get(key)!),
        ...(statement.Condition ? { Condition: statement.Condition } : {}),
      };
    })
    .filter((statement) => statement.Action.length > 0 && statement.Resource.length > 0);
}

/**
 * The IAM statements the stage's function needs, least privilege: per secret store, the exact
 * secrets its components reference; per binding, what its type's rule asks. Binding components come
 * first in manifest order, then the secret stores by name; each statement has sorted actions and
 * resources. Empty when nothing touches AWS.
 */
export function deriveIamStatements(manifest: BundleManifest): IamStatement[] {
  const statements: IamStatement[] = [];
  for (const component of manifest.components) {
    const rule = BINDING_IAM_RULES[component.type];
    if (!rule)
      throw new Error(
        `${component.source}: no IAM rule for binding type ${component.type}; add one to BINDING_IAM_RULES in src/deploy/iam.ts`,
      );
    statements.push(...normalise(rule(component)));
  }
  const uses = secretUses(manifest);
  const stores = [...manifest.secretStores].sort((a, b) => compare(a.name, b.name));
  for (const store of stores) {
    const rule = SECRET_STORE_IAM_RULES[store.type];
    if (!rule)
      throw new Error(
        `${store.source}: no IAM rule for secret store type ${store.type}; add one to SECRET_STORE_IAM_RULES in src/deploy/iam.ts`,
      );
    const names = [...(uses.get(store.name) ?? [])].sort(compare);
    if (names.length === 0) continue;
    statements.push(...normalise(rule({ store: withTemplatesExpanded(store, manifest.appId), secretNames: names })));
  }
  return statements;
}
