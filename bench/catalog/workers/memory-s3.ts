/** Memory worker for aws.s3 (see memory-loop.ts). */
import { spec } from '../../../src/bindings/aws/s3/spec';
import { s3Target } from '../targets/s3';
import { runMemoryWorker } from './memory-loop';

runMemoryWorker(s3Target, {
  spec,
  load: async () => (await import('../../../src/bindings/aws/s3/index')).default,
});
