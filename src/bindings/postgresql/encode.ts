import { goMarshal, goQuote, NonFiniteNumberError } from '../../api/go-json';
import { byteaBytes, encodeDateTime, encodeInterval, encodeTime, GoMarshalError, parseArrayLiteral } from './pg-text';
import {
  encodeBits,
  encodeCircle,
  encodeLine,
  encodePath,
  encodePoint,
  encodePolygon,
  encodeRange,
  encodeTid,
  encodeTwoPoints,
  splitMultirange,
} from './pg-struct';

/**
 * The JSON daprd writes for one column value: Go's `json.Marshal` of what pgx v5's `rows.Values()`
 * decodes (binary format, the default query mode). Input is PostgreSQL's text output.
 */
type Encoder = (text: string) => string;

const verbatim: Encoder = (text) => text;
const quoted: Encoder = (text) => goQuote(text);

/** Go's `json: unsupported value` for NaN and infinities; otherwise JS's shortest form, which Go's equals. */
const float: Encoder = (text) => {
  const value = Number(text);
  if (Number.isNaN(value)) throw new GoMarshalError('json: unsupported value: NaN');
  if (!Number.isFinite(value)) throw new GoMarshalError(`json: unsupported value: ${value > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(value, -0) ? '-0' : String(value);
};

/** `pgtype.Numeric.MarshalJSON`: the digits with the column's scale, a bare `0` for zero, `"NaN"`. */
const numeric: Encoder = (text) => {
  if (text === 'NaN') return '"NaN"';
  if (text === 'Infinity' || text === '-Infinity') {
    throw new GoMarshalError(
      "json: error calling MarshalJSON for type pgtype.Numeric: invalid character '<' looking for beginning of value",
    );
  }
  // The binary form of a zero has no digits, so pgx loses its scale.
  return /^-?0(\.0*)?$/.test(text) ? '0' : text;
};

/** json and jsonb: decoded into Go's `any` (numbers as float64) and marshalled again: keys sorted, HTML escaped. */
const json: Encoder = (text) => {
  try {
    return goMarshal(JSON.parse(text));
  } catch (error) {
    if (error instanceof NonFiniteNumberError) {
      throw new GoMarshalError(`json: cannot unmarshal number ${error.message} into Go value of type float64`);
    }
    throw error;
  }
};

/** `[]byte` marshals as standard base64. */
const bytes: Encoder = (text) => `"${byteaBytes(text).toString('base64')}"`;

/** The `"char"` type decodes to a rune (a number): its byte value. */
const qchar: Encoder = (text) => {
  if (text === '') return '0';
  if (/^\\[0-7]{3}$/.test(text)) return String(parseInt(text.slice(1), 8));
  return String(text.charCodeAt(0));
};

/** uuid decodes to `[16]byte`, which Go marshals as an array of 16 numbers. */
const uuid: Encoder = (text) => `[${[...Buffer.from(text.replace(/-/g, ''), 'hex')].join(',')}]`;

/** inet and cidr decode to `netip.Prefix`, marshalled as its text `address/bits`. */
const inet: Encoder = (text) => goQuote(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`);

/** macaddr decodes to `net.HardwareAddr`, a byte slice: base64. */
const macaddr: Encoder = (text) => `"${Buffer.from(text.replace(/[:.-]/g, ''), 'hex').toString('base64')}"`;

/** Element encoders by type OID (PostgreSQL's pg_type), for the types pgx decodes in its own way. */
const SCALARS: ReadonlyMap<number, Encoder> = new Map([
  [16, (text: string) => (text === 't' ? 'true' : 'false')], // bool
  [17, bytes], // bytea
  [18, qchar], // "char"
  [19, quoted], // name
  [20, verbatim], // int8
  [21, verbatim], // int2
  [23, verbatim], // int4
  [25, quoted], // text
  [26, verbatim], // oid
  [28, verbatim], // xid
  [27, encodeTid], // tid
  [29, verbatim], // cid
  [114, json], // json
  [600, encodePoint], // point
  [601, encodeTwoPoints], // lseg
  [602, encodePath], // path
  [603, encodeTwoPoints], // box
  [604, encodePolygon], // polygon
  [628, encodeLine], // line
  [650, inet], // cidr
  [700, float], // float4: the server's shortest float4 digits, which Go's float32 encoding also gives
  [701, float], // float8
  [705, quoted], // unknown
  [718, encodeCircle], // circle
  [774, macaddr], // macaddr8
  [829, macaddr], // macaddr
  [869, inet], // inet
  [1033, quoted], // aclitem
  [1042, quoted], // bpchar
  [1043, quoted], // varchar
  [1082, encodeDateTime], // date
  [1083, encodeTime], // time
  [1114, encodeDateTime], // timestamp
  [1184, encodeDateTime], // timestamptz
  [1186, encodeInterval], // interval
  [1560, encodeBits], // bit
  [1562, encodeBits], // varbit
  [1700, numeric], // numeric
  [2950, uuid], // uuid
  [3802, json], // jsonb
  [4072, quoted], // jsonpath
  [5069, verbatim], // xid8
]);

/** Array type OID → element type OID, for the arrays pgx registers. */
const ARRAYS: ReadonlyMap<number, number> = new Map([
  [1000, 16],
  [1001, 17],
  [1002, 18],
  [1003, 19],
  [1016, 20],
  [1005, 21],
  [1007, 23],
  [1009, 25],
  [1028, 26],
  [1011, 28],
  [1012, 29],
  [199, 114],
  [651, 650],
  [1021, 700],
  [1022, 701],
  [775, 774],
  [1040, 829],
  [1041, 869],
  [1034, 1033],
  [1014, 1042],
  [1015, 1043],
  [1182, 1082],
  [1183, 1083],
  [1115, 1114],
  [1185, 1184],
  [1187, 1186],
  [1231, 1700],
  [2951, 2950],
  [3807, 3802],
  [4073, 4072],
  [271, 5069],
  [1010, 27],
  [1017, 600],
  [1018, 601],
  [1019, 602],
  [1027, 604],
  [629, 628],
  [719, 718],
  [1561, 1560],
  [1563, 1562],
  [3905, 3904],
  [3927, 3926],
  [3907, 3906],
  [3909, 3908],
  [3911, 3910],
  [3913, 3912],
]);

/** Range type OID → element type OID. */
const RANGES: ReadonlyMap<number, number> = new Map([
  [3904, 23], // int4range
  [3926, 20], // int8range
  [3906, 1700], // numrange
  [3908, 1114], // tsrange
  [3910, 1184], // tstzrange
  [3912, 1082], // daterange
]);

/** Multirange type OID → range type OID. */
const MULTIRANGES: ReadonlyMap<number, number> = new Map([
  [4451, 3904],
  [4536, 3926],
  [4532, 3906],
  [4533, 3908],
  [4534, 3910],
  [4535, 3912],
]);

/**
 * Types pgx does not register come back as their text, as pgx gives them (enums, money, timetz…).
 * So do record, xml and box arrays, which pgx decodes otherwise: a documented difference.
 */
const fallback: Encoder = quoted;

function encodeScalar(oid: number, text: string): string {
  const rangeElement = RANGES.get(oid);
  if (rangeElement !== undefined) return encodeRange(text, (bound) => encodeScalar(rangeElement, bound));
  const range = MULTIRANGES.get(oid);
  if (range !== undefined)
    return `[${splitMultirange(text)
      .map((item) => encodeScalar(range, item))
      .join(',')}]`;
  return (SCALARS.get(oid) ?? fallback)(text);
}

/** One column value as daprd encodes it; `null` is SQL NULL. Throws `GoMarshalError` where Go's marshal fails. */
export function encodeValue(oid: number, text: string | null): string {
  if (text === null) return 'null';
  const element = ARRAYS.get(oid);
  if (element === undefined) return encodeScalar(oid, text);
  const items = parseArrayLiteral(text).map((item) => (item === null ? 'null' : encodeScalar(element, item)));
  return `[${items.join(',')}]`;
}

/** The body of a `query` answer: a JSON array of rows, each an array of column values. */
export function encodeRows(columnOids: readonly number[], rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  const encoded = rows.map((row) => `[${row.map((value, i) => encodeValue(columnOids[i]!, value)).join(',')}]`);
  return `[${encoded.join(',')}]`;
}

export { GoMarshalError };
