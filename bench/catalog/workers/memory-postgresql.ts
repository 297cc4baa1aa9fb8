/** Memory worker for postgresql (see memory-loop.ts). */
import { spec } from '../../../src/bindings/postgresql/spec';
import { postgresTarget } from '../targets/postgresql';
import { runMemoryWorker } from './memory-loop';

runMemoryWorker(postgresTarget, {
  spec,
  load: async () => (await import('../../../src/bindings/postgresql/index')).default,
});
