import { stopE2eInstances } from './global-setup';

/** Stops the serverless-offline instances global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  await stopE2eInstances();
}
