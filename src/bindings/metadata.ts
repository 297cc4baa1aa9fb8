import type { DecodedConfig, FieldSpec, FieldSpecs } from './spec';

/** The outcome of decoding component metadata against a spec: values, errors and unknown keys. */
export interface DecodeResult<M extends FieldSpecs> {
  config: DecodedConfig<M>;
  errors: string[];
  unknown: string[];
}

const TRUTHY = new Set(['y', 'yes', 'true', 't', 'on', '1']);
const FALSY = new Set(['n', 'no', 'false', 'f', 'off', '0', '']);

/** Dapr's truthy rule for bools; values in neither set are an error here rather than a silent `false`. */
export function parseBool(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (TRUTHY.has(value)) return true;
  if (FALSY.has(value)) return false;
  throw new Error(`"${raw}" is not a boolean (use true or false)`);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** A Go duration (`1m30s`, `500ms`) or a bare number of seconds, in milliseconds. */
export function parseDuration(raw: string): number {
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const parts = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)/;
  let rest = value;
  let total = 0;
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`"${raw}" is not a duration (e.g. 30s, 500ms, 1m30s)`);
  while (rest !== '') {
    const match = parts.exec(rest);
    if (!match) throw new Error(`"${raw}" is not a duration (e.g. 30s, 500ms, 1m30s)`);
    const [, amount, unit] = /^([\d.]+)(.+)$/.exec(match[0])!;
    total += Number(amount) * DURATION_UNITS[unit!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
};

/** A Kubernetes-style quantity (`10Mi`, `4M`) or a bare number of bytes. */
export function parseByteSize(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(|k|K|M|G|Ki|Mi|Gi)$/.exec(raw.trim());
  if (!match) throw new Error(`"${raw}" is not a byte size (e.g. 1048576, 1Mi, 512Ki)`);
  return Math.floor(Number(match[1]) * BYTE_UNITS[match[2]!]!);
}

/** Parses an integer as Go's strconv does for these fields. */
function parseInteger(raw: string): number {
  const value = raw.trim();
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`"${raw}" is not an integer`);
  return Number(value);
}

function parseField(spec: FieldSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'string':
      return raw;
    case 'number':
      return parseInteger(raw);
    case 'bool':
      return parseBool(raw);
    case 'duration':
      return parseDuration(raw);
    case 'bytesize':
      return parseByteSize(raw);
    case 'enum':
      return parseEnum(spec, raw);
  }
}

function parseEnum(spec: FieldSpec, raw: string): string {
  const wanted = raw.trim().toLowerCase();
  const match = spec.values?.find((v) => v.toLowerCase() === wanted);
  if (match !== undefined) return match;
  const reason = Object.entries(spec.unsupported ?? {}).find(([v]) => v.toLowerCase() === wanted);
  if (reason) throw new Error(`"${raw}" is not supported yet: ${reason[1]}`);
  throw new Error(`"${raw}" is not one of ${spec.values?.join(', ')}`);
}

/** Describes a value for an error message without revealing a sensitive one. */
function shown(spec: FieldSpec, message: string): string {
  return spec.options.sensitive ? message.replace(/"[^"]*"/, '(the value)') : message;
}

/**
 * Decodes string properties by a spec with Dapr's rules: names case-insensitive (a duplicate after
 * lower-casing is an error), aliases, defaults, and required fields.
 */
export function decodeComponentMetadata<M extends FieldSpecs>(
  fields: M,
  properties: Readonly<Record<string, string>>,
  /** Keys whose value is only known at run time (`envRef`): present, but not checked now. */
  deferred: ReadonlySet<string> = new Set(),
): DecodeResult<M> {
  const errors: string[] = [];
  const byLowerName = new Map<string, string>();
  for (const [name, spec] of Object.entries(fields)) {
    for (const alias of [name, ...(spec.options.aliases ?? [])]) byLowerName.set(alias.toLowerCase(), name);
  }
  const rawByField = new Map<string, { key: string; raw: string }>();
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  const given: Array<[string, string]> = [
    ...Object.entries(properties),
    ...[...deferred].map((key): [string, string] => [key, '']),
  ];
  for (const [key, raw] of given) {
    const lower = key.toLowerCase();
    const previous = seen.get(lower);
    if (previous !== undefined) errors.push(`metadata "${key}" is given twice (also as "${previous}")`);
    seen.set(lower, key);
    const fieldName = byLowerName.get(lower);
    if (fieldName === undefined) unknown.push(key);
    else if (!rawByField.has(fieldName) || key === fieldName) rawByField.set(fieldName, { key, raw });
  }
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields) as [string, FieldSpec][]) {
    const value = rawByField.get(name);
    if (value !== undefined && deferred.has(value.key)) continue;
    if (value === undefined || (value.raw === '' && spec.kind !== 'string')) {
      if (spec.options.required) errors.push(`metadata "${name}" is required`);
      config[name] = spec.options.default;
      continue;
    }
    if (spec.options.required && value.raw === '') errors.push(`metadata "${name}" is required`);
    try {
      config[name] = parseField(spec, value.raw);
    } catch (error) {
      errors.push(shown(spec, `metadata "${value.key}": ${(error as Error).message}`));
    }
  }
  return { config: config as DecodedConfig<M>, errors, unknown };
}
