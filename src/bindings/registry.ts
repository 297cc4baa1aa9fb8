import type { BindingCatalog } from './catalog';
import { spec as awsDynamodbSpec } from './aws/dynamodb/spec';
import { spec as awsKinesisSpec } from './aws/kinesis/spec';
import { spec as awsS3Spec } from './aws/s3/spec';
import { spec as awsSesSpec } from './aws/ses/spec';
import { spec as awsSnsSpec } from './aws/sns/spec';
import { spec as awsSqsSpec } from './aws/sqs/spec';
import { spec as httpSpec } from './http/spec';
import { spec as kafkaSpec } from './kafka/spec';
import { spec as localstorageSpec } from './localstorage/spec';
import { spec as mqtt3Spec } from './mqtt3/spec';
import { spec as mysqlSpec } from './mysql/spec';
import { spec as postgresqlSpec } from './postgresql/spec';
import { spec as rabbitmqSpec } from './rabbitmq/spec';
import { spec as redisSpec } from './redis/spec';
import { spec as smtpSpec } from './smtp/spec';

/** Every binding type this project implements, and the source folder of each (used by the build). */
export const BINDING_FOLDERS: Readonly<Record<string, string>> = {
  'bindings.kafka': 'kafka',
  'bindings.redis': 'redis',
  'bindings.postgresql': 'postgresql',
  'bindings.mysql': 'mysql',
  'bindings.rabbitmq': 'rabbitmq',
  'bindings.mqtt3': 'mqtt3',
  'bindings.localstorage': 'localstorage',
  'bindings.http': 'http',
  'bindings.smtp': 'smtp',
  'bindings.aws.s3': 'aws/s3',
  'bindings.aws.sqs': 'aws/sqs',
  'bindings.aws.sns': 'aws/sns',
  'bindings.aws.dynamodb': 'aws/dynamodb',
  'bindings.aws.kinesis': 'aws/kinesis',
  'bindings.aws.ses': 'aws/ses',
};

/** The full catalog (in the README's order), for tests and the build; a deployed bundle carries only its stage's types. */
export const fullCatalog: BindingCatalog = {
  'bindings.kafka': { spec: kafkaSpec, load: async () => (await import('./kafka/index')).default },
  'bindings.redis': { spec: redisSpec, load: async () => (await import('./redis/index')).default },
  'bindings.postgresql': { spec: postgresqlSpec, load: async () => (await import('./postgresql/index')).default },
  'bindings.mysql': { spec: mysqlSpec, load: async () => (await import('./mysql/index')).default },
  'bindings.rabbitmq': { spec: rabbitmqSpec, load: async () => (await import('./rabbitmq/index')).default },
  'bindings.mqtt3': { spec: mqtt3Spec, load: async () => (await import('./mqtt3/index')).default },
  'bindings.localstorage': { spec: localstorageSpec, load: async () => (await import('./localstorage/index')).default },
  'bindings.http': { spec: httpSpec, load: async () => (await import('./http/index')).default },
  'bindings.smtp': { spec: smtpSpec, load: async () => (await import('./smtp/index')).default },
  'bindings.aws.s3': { spec: awsS3Spec, load: async () => (await import('./aws/s3/index')).default },
  'bindings.aws.sqs': { spec: awsSqsSpec, load: async () => (await import('./aws/sqs/index')).default },
  'bindings.aws.sns': { spec: awsSnsSpec, load: async () => (await import('./aws/sns/index')).default },
  'bindings.aws.dynamodb': { spec: awsDynamodbSpec, load: async () => (await import('./aws/dynamodb/index')).default },
  'bindings.aws.kinesis': { spec: awsKinesisSpec, load: async () => (await import('./aws/kinesis/index')).default },
  'bindings.aws.ses': { spec: awsSesSpec, load: async () => (await import('./aws/ses/index')).default },
};
