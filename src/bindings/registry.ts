import type { BindingCatalog } from './catalog';
import { spec as httpSpec } from './http/spec';
import { spec as kafkaSpec } from './kafka/spec';
import { spec as localstorageSpec } from './localstorage/spec';
import { spec as redisSpec } from './redis/spec';

/** Every binding type this project implements, and the source folder of each (used by the build). */
export const BINDING_FOLDERS: Readonly<Record<string, string>> = {
  'bindings.kafka': 'kafka',
  'bindings.redis': 'redis',
  'bindings.localstorage': 'localstorage',
  'bindings.http': 'http',
};

/** The full catalog, for tests and the build; a deployed bundle carries only its stage's types. */
export const fullCatalog: BindingCatalog = {
  'bindings.kafka': { spec: kafkaSpec, load: async () => (await import('./kafka/index')).default },
  'bindings.redis': { spec: redisSpec, load: async () => (await import('./redis/index')).default },
  'bindings.localstorage': {
    spec: localstorageSpec,
    load: async () => (await import('./localstorage/index')).default,
  },
  'bindings.http': { spec: httpSpec, load: async () => (await import('./http/index')).default },
};
