/**
 * Go's `json.Unmarshal` into the small structs daprd's s3 binding declares (list and bulk
 * payloads): case-insensitive field names, `null` leaves a field alone, unknown keys ignored, and
 * Go's `UnmarshalTypeError` text for the first value of the wrong type.
 */

/** A Go type a payload field can have. */
export type GoType =
  | { kind: 'string' }
  | { kind: 'int'; name: 'int' | 'int32' }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'struct'; name: string; fields: Readonly<Record<string, GoType>> };

/** Builders for {@link GoType}s; `name` is Go's `%v` of the type (`s3.listPayload`, `[]string`). */
export const go = {
  string: { kind: 'string' } as GoType,
  int: { kind: 'int', name: 'int' } as GoType,
  int32: { kind: 'int', name: 'int32' } as GoType,
  slice: (name: string, elem: GoType): GoType => ({ kind: 'slice', name, elem }),
  struct: (name: string, fields: Record<string, GoType>): GoType => ({ kind: 'struct', name, fields }),
};

const INT_RANGE = { int: [-(2n ** 63n), 2n ** 63n - 1n], int32: [-(2n ** 31n), 2n ** 31n - 1n] } as const;

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Go's `%v` of a reflect type inside package s3 (`s3.bulkGetItem`), for error texts. */
function typeName(type: GoType): string {
  return type.kind === 'string' ? 'string' : type.name;
}

interface Context {
  /** The innermost struct being decoded, as Go's errorContext.Struct. */
  struct?: string;
  /** Field names from the root, as Go's errorContext.FieldStack. */
  path: string[];
}

class GoUnmarshalError extends Error {}

function typeError(value: string, type: GoType, context: Context): GoUnmarshalError {
  if (context.struct !== undefined && context.path.length > 0) {
    return new GoUnmarshalError(
      `json: cannot unmarshal ${value} into Go struct field ${context.struct}.${context.path.join('.')} of type ${typeName(type)}`,
    );
  }
  return new GoUnmarshalError(`json: cannot unmarshal ${value} into Go value of type ${typeName(type)}`);
}

function decode(value: unknown, type: GoType, context: Context): unknown {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') throw typeError(jsonKind(value), type, context);
      return value;
    case 'int': {
      if (typeof value !== 'number') throw typeError(jsonKind(value), type, context);
      // The canonical data holds the number as String(value) prints it.
      const text = String(value);
      const [low, high] = INT_RANGE[type.name];
      if (!/^-?\d+$/.test(text) || BigInt(text) < low || BigInt(text) > high) {
        throw typeError(`number ${text}`, type, context);
      }
      return value;
    }
    case 'slice':
      if (!Array.isArray(value)) throw typeError(jsonKind(value), type, context);
      return value.map((item) => decode(item, type.elem, context) ?? zero(type.elem));
    case 'struct': {
      if (jsonKind(value) !== 'object') throw typeError(jsonKind(value), type, context);
      const out: Record<string, unknown> = {};
      const names = Object.keys(type.fields);
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
        if (name === undefined) continue;
        const decoded = decode(item, type.fields[name]!, {
          struct: type.name.replace(/^s3\./, ''),
          path: [...context.path, name],
        });
        if (decoded !== undefined) out[name] = decoded;
      }
      return out;
    }
  }
}

function zero(type: GoType): unknown {
  if (type.kind === 'string') return '';
  if (type.kind === 'int') return 0;
  if (type.kind === 'struct') return {};
  return undefined;
}

/** Go's message for bytes that are not JSON, near enough (`invalid character 'x' looking for beginning of value`). */
function syntaxMessage(text: string): string {
  const first = text.trimStart()[0];
  if (first === undefined) return 'unexpected end of JSON input';
  if (!/[[{"\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
  return 'invalid character in JSON input';
}

/**
 * Decodes `data` into `type` as Go's `json.Unmarshal` would; throws with Go's error text. The result
 * holds only the fields the data set (a Go zero value is an absent key).
 */
export function goUnmarshal<T>(data: Buffer, type: GoType): T {
  const text = data.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GoUnmarshalError(syntaxMessage(text));
  }
  return (decode(parsed, type, { path: [] }) ?? {}) as T;
}
