import { decodeComponentMetadata } from './metadata';
import type { Driver, DriverContext } from './driver';
import type { BindingSpec, DecodedConfig, FieldSpecs } from './spec';

/** A binding type's run-time half: decode and check properties, then create a driver. */
export interface DriverModule {
  readonly spec: BindingSpec;
  /** Creates a driver from a config that `checkComponentProperties` decoded without errors. */
  create(config: unknown, context: DriverContext): Promise<Driver>;
}

/** Decodes and validates properties by a spec: the errors (for the build and for cold start) and the config. */
export function checkComponentProperties<M extends FieldSpecs>(
  spec: { metadata: M; validate?(config: DecodedConfig<M>): string[] },
  properties: Readonly<Record<string, string>>,
  deferred: ReadonlySet<string> = new Set(),
): { config: DecodedConfig<M>; errors: string[]; unknown: string[] } {
  const decoded = decodeComponentMetadata(spec.metadata, properties, deferred);
  // Cross-field rules need every value; with deferred ones they run at cold start instead.
  const crossChecked = decoded.errors.length === 0 && deferred.size === 0;
  const errors = crossChecked ? (spec.validate?.(decoded.config) ?? []) : decoded.errors;
  return { config: decoded.config, errors, unknown: decoded.unknown };
}

/** Pairs a spec with its driver factory; the types force the factory to implement exactly the spec's operations. */
export function defineDriverModule<M extends FieldSpecs, Op extends string>(
  spec: BindingSpec<M, Op>,
  factory: (config: DecodedConfig<M>, context: DriverContext) => Promise<Driver<Op>>,
): DriverModule {
  return {
    spec: spec as unknown as BindingSpec,
    create: (config, context) => factory(config as DecodedConfig<M>, context),
  };
}
