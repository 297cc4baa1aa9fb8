import { field, type DecodedConfig, type FieldSpecs } from '../bindings/spec';
import type { Logger } from '../runtime/logger';

/** A live secret store: Dapr's `GetSecret`, answering the secret's key → value map. */
export interface SecretStore {
  /** Throws `SecretNotFoundError` when the store has no such secret. */
  get(name: string, signal: AbortSignal): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The store has no secret of that name. */
export class SecretNotFoundError extends Error {}

/** Everything a secret store type declares about itself. */
export interface SecretStoreSpec<M extends FieldSpecs = FieldSpecs> {
  type: string;
  aliases?: readonly string[];
  versions: readonly string[];
  description: string;
  metadata: M;
  /** Refused in every stage but `dev` (for example a secrets file next to the code). */
  devOnly?: boolean;
  validate?(config: DecodedConfig<M>): string[];
}

/** A secret store type's run-time half. */
export interface SecretStoreModule {
  readonly spec: SecretStoreSpec;
  create(config: unknown, context: { name: string; logger: Logger }): Promise<SecretStore>;
}

/** Fields every store accepts: how long one read may take and how long a value is trusted. */
export const commonStoreFields = {
  timeout: field.duration({ description: 'Bound of one secret read.', default: 5_000 }),
  refreshInterval: field.duration({
    description:
      'Re-read secrets this often, so a rotated secret is picked up without a redeploy (0: once per sandbox).',
    default: 0,
  }),
};

/** The refresh and timeout settings of a decoded store config. */
export type StoreTiming = DecodedConfig<typeof commonStoreFields>;

/** Declares a secret store type together with its factory. */
export function defineSecretStore<M extends FieldSpecs>(
  spec: SecretStoreSpec<M>,
  factory: (config: DecodedConfig<M>, context: { name: string; logger: Logger }) => Promise<SecretStore>,
): SecretStoreModule {
  return {
    spec: spec as unknown as SecretStoreSpec,
    create: (config, context) => factory(config as DecodedConfig<M>, context),
  };
}
