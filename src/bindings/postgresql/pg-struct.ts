import { GoMarshalError } from './pg-text';

/**
 * Types pgx decodes into structs without a JSON method, so Go marshals their exported fields:
 * geometry (`pgtype.Box`, `Lseg`, …), `Bits`, `TID` and ranges. Input is PostgreSQL's text output.
 */

const FLOAT = /[-+]?(?:Infinity|NaN|(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/gi;

/** A float64 struct field as Go's encoding/json writes it. */
function goFloat(value: number): string {
  if (Number.isNaN(value)) throw new GoMarshalError('json: unsupported value: NaN');
  if (!Number.isFinite(value)) throw new GoMarshalError(`json: unsupported value: ${value > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Go's `fmt` `%g` of a float64 (shortest digits; exponent form below 1e-4 or from 1e6 on). */
function goG(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

function floats(text: string, count?: number): number[] {
  const values = (text.match(FLOAT) ?? []).map(Number);
  if (count !== undefined && values.length !== count) {
    throw new GoMarshalError(`cannot decode geometric value ${JSON.stringify(text)}`);
  }
  return values;
}

function vec2(x: number, y: number): string {
  return `{"X":${goFloat(x)},"Y":${goFloat(y)}}`;
}

function points(values: number[]): string {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < values.length; i += 2) pairs.push(vec2(values[i]!, values[i + 1]!));
  return `[${pairs.join(',')}]`;
}

/** `pgtype.Point` has a JSON method: `"(%g,%g)"`. */
export function encodePoint(text: string): string {
  const [x, y] = floats(text, 2) as [number, number];
  return `"(${goG(x)},${goG(y)})"`;
}

/** `pgtype.Line`: `{"A":…,"B":…,"C":…,"Valid":true}`. */
export function encodeLine(text: string): string {
  const [a, b, c] = floats(text, 3) as [number, number, number];
  return `{"A":${goFloat(a)},"B":${goFloat(b)},"C":${goFloat(c)},"Valid":true}`;
}

/** `pgtype.Lseg` and `pgtype.Box`: two points. */
export function encodeTwoPoints(text: string): string {
  return `{"P":${points(floats(text, 4))},"Valid":true}`;
}

/** `pgtype.Path`: points, and whether it is closed (`(…)`) or open (`[…]`). */
export function encodePath(text: string): string {
  return `{"P":${points(floats(text))},"Closed":${text.startsWith('(')},"Valid":true}`;
}

/** `pgtype.Polygon`: its points. */
export function encodePolygon(text: string): string {
  return `{"P":${points(floats(text))},"Valid":true}`;
}

/** `pgtype.Circle`: centre and radius. */
export function encodeCircle(text: string): string {
  const [x, y, r] = floats(text, 3) as [number, number, number];
  return `{"P":${vec2(x, y)},"R":${goFloat(r)},"Valid":true}`;
}

/** `pgtype.Bits` (bit, varbit): the bits packed most significant first, base64, and their count. */
export function encodeBits(text: string): string {
  const bytes = Buffer.alloc(Math.ceil(text.length / 8));
  for (let i = 0; i < text.length; i++) if (text[i] === '1') bytes[i >> 3]! |= 0x80 >> (i & 7);
  return `{"Bytes":"${bytes.toString('base64')}","Len":${text.length},"Valid":true}`;
}

/** `pgtype.TID`: `(block,offset)`. */
export function encodeTid(text: string): string {
  const match = /^\((\d+),(\d+)\)$/.exec(text);
  if (!match) throw new GoMarshalError(`cannot decode tid value ${JSON.stringify(text)}`);
  return `{"BlockNumber":${match[1]},"OffsetNumber":${match[2]},"Valid":true}`;
}

/** A range's bounds as PostgreSQL prints them; `null` for an absent (unbounded) bound. */
interface RangeLiteral {
  lower: string | null;
  upper: string | null;
  lowerType: 'i' | 'e' | 'U' | 'E';
  upperType: 'i' | 'e' | 'U' | 'E';
}

/** Reads one bound value (quoted with `"`/`\` escapes, or bare) starting at `start`; returns it and its end. */
function readBound(text: string, start: number, stops: string): [string | null, number] {
  let i = start;
  let value = '';
  let quotedOrText = false;
  while (i < text.length && !stops.includes(text[i]!)) {
    const c = text[i]!;
    if (c === '"') {
      quotedOrText = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
        i++;
      }
      i++;
    } else {
      if (c === '\\') i++;
      value += text[i] ?? '';
      quotedOrText = true;
      i++;
    }
  }
  return [quotedOrText ? value : null, i];
}

/** Parses `[a,b)`, `(,b]`, `empty`. */
function parseRangeLiteral(text: string): RangeLiteral {
  if (text === 'empty') return { lower: null, upper: null, lowerType: 'E', upperType: 'E' };
  const open = text[0];
  if (open !== '[' && open !== '(') throw new GoMarshalError(`cannot decode range value ${JSON.stringify(text)}`);
  const [lower, comma] = readBound(text, 1, ',');
  const [upper, end] = readBound(text, comma + 1, ')]');
  const close = text[end];
  return {
    lower,
    upper,
    lowerType: lower === null ? 'U' : open === '[' ? 'i' : 'e',
    upperType: upper === null ? 'U' : close === ']' ? 'i' : 'e',
  };
}

/** `pgtype.Range[any]`: bounds decoded as their element type, bound types as bytes (numbers). */
export function encodeRange(text: string, element: (text: string) => string): string {
  const range = parseRangeLiteral(text);
  const bound = (value: string | null) => (value === null ? 'null' : element(value));
  const code = (type: string) => type.charCodeAt(0);
  return (
    `{"Lower":${bound(range.lower)},"Upper":${bound(range.upper)},` +
    `"LowerType":${code(range.lowerType)},"UpperType":${code(range.upperType)},"Valid":true}`
  );
}

/** The ranges of a multirange literal `{[1,3),[5,7)}`. */
export function splitMultirange(text: string): string[] {
  const body = text.slice(1, -1);
  const ranges: string[] = [];
  let depthStart = -1;
  let inQuotes = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inQuotes) {
      if (c === '\\') i++;
      else if (c === '"') inQuotes = false;
    } else if (c === '"') inQuotes = true;
    else if ((c === '[' || c === '(') && depthStart < 0) depthStart = i;
    else if ((c === ']' || c === ')') && depthStart >= 0) {
      ranges.push(body.slice(depthStart, i + 1));
      depthStart = -1;
    } else if (depthStart < 0 && body.startsWith('empty', i)) {
      ranges.push('empty');
      i += 4;
    }
  }
  return ranges;
}
