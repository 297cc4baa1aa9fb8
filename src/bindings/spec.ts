/** The declarative vocabulary every binding type uses to describe itself in one object. */

interface FieldOptions<T> {
  /** One line for docs and `GET /v1.0/metadata`. */
  description: string;
  required?: boolean;
  default?: T;
  /**
   * A secret: never logged, never shown, and never a literal outside `dev`. A function makes the
   * field secret only for values it recognises (a URL with a password); such a field is still never shown.
   */
  sensitive?: boolean | ((value: string) => boolean);
  /** Other names daprd accepts for the same field, matched case-insensitively too. */
  aliases?: readonly string[];
  /** Accepted for compatibility with daprd's component files, but unused by an output binding. */
  ignored?: boolean;
}

/** The kinds of value a component metadata field can hold, with Dapr's decoding rules. */
export type FieldKind = 'string' | 'number' | 'bool' | 'duration' | 'bytesize' | 'enum';

/** One component metadata field: its kind, options and (for enums) allowed values. */
export interface FieldSpec<T = unknown, Opts extends FieldOptions<T> = FieldOptions<T>> {
  readonly kind: FieldKind;
  readonly options: Opts;
  /** For enums: the allowed values, matched case-insensitively, returned in this spelling. */
  readonly values?: readonly string[];
  /** For enums: values daprd knows that this project refuses, with the reason. */
  readonly unsupported?: Readonly<Record<string, string>>;
  /** Phantom marker carrying the decoded type. */
  readonly __type?: T;
}

function make<T, O extends FieldOptions<T>>(kind: FieldKind, options: O): FieldSpec<T, O> {
  return { kind, options };
}

/** Builders for component metadata fields. Durations and byte sizes decode to milliseconds and bytes. */
export const field = {
  string: <O extends FieldOptions<string>>(options: O) => make<string, O>('string', options),
  number: <O extends FieldOptions<number>>(options: O) => make<number, O>('number', options),
  bool: <O extends FieldOptions<boolean>>(options: O) => make<boolean, O>('bool', options),
  duration: <O extends FieldOptions<number>>(options: O) => make<number, O>('duration', options),
  bytesize: <O extends FieldOptions<number>>(options: O) => make<number, O>('bytesize', options),
  enum: <const V extends string, O extends FieldOptions<V>>(
    values: readonly V[],
    options: O & { unsupported?: Readonly<Record<string, string>> },
  ): FieldSpec<V, O> => ({ kind: 'enum', options, values, unsupported: options.unsupported }),
};

/** A map of field name (daprd's spelling) to its spec. */
export type FieldSpecs = Readonly<Record<string, FieldSpec<never, FieldOptions<never>> | FieldSpec>>;

type Decoded<F> =
  F extends FieldSpec<infer T, infer O>
    ? O extends { required: true } | { default: unknown }
      ? T
      : T | undefined
    : never;

/** The typed configuration a driver receives after decoding its fields. */
export type DecodedConfig<M extends FieldSpecs> = { -readonly [K in keyof M]: Decoded<M[K]> };

/** One operation: what it does and the request metadata keys it reads. */
export interface OperationSpec {
  description: string;
  metadata?: Readonly<Record<string, string>>;
}

/** Everything a binding type declares about itself. */
export interface BindingSpec<M extends FieldSpecs = FieldSpecs, Op extends string = string> {
  /** Dapr's `spec.type`, e.g. `bindings.kafka`. */
  type: string;
  aliases?: readonly string[];
  /** Versions accepted; daprd treats "", "v0" and "v1" alike as the initial version. */
  versions: readonly string[];
  description: string;
  /** Where this binding's answers or behaviour knowingly differ from daprd's component, for the README; empty when none. */
  differences: readonly string[];
  metadata: M;
  operations: Readonly<Record<Op, OperationSpec>>;
  /** Cross-field rules; each returned string is one error. */
  validate?(config: DecodedConfig<M>): string[];
  /** How long one operation may take, from the decoded config (the deadline is never later). */
  operationTimeoutMs(config: DecodedConfig<M>): number;
  /** A driver idle longer than this is rebuilt before use: its connections may have died while the sandbox was frozen. */
  rebuildAfterIdleMs?: number;
}

/** Declares a binding type; the identity function that fixes the spec's types. */
export function defineBinding<M extends FieldSpecs, Op extends string>(spec: BindingSpec<M, Op>): BindingSpec<M, Op> {
  return spec;
}
