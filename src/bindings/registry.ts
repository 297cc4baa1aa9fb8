import type { BindingCatalog } from './catalog';
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
};
