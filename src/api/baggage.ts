import { InvalidBaggageError } from './errors';

const KEY = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[\u0021\u0023-\u002b\u002d-\u003a\u003c-\u005b\u005d-\u007e]*$/;

/** Checks a W3C `baggage` header as daprd does (OpenTelemetry's parser), throwing daprd's 400 when invalid. */
export function validateBaggage(header: string): string {
  for (const member of header.split(',')) {
    const [pair = '', ...properties] = member.split(';');
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (eq < 0 || !KEY.test(key) || !VALUE.test(value) || properties.some((p) => p.trim() === '')) {
      throw new InvalidBaggageError(`invalid member: ${JSON.stringify(member.trim())}`);
    }
  }
  return header;
}
