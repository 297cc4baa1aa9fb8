// Reads one direct-invoke answer ({statusCode, data?, dataBase64?, metadata?, errorCode?, message?}) into a result.
import type { WireAnswer } from './wire';
import { DaprBindingError } from './errors';
import type { BatchResult, BindingMetadata } from './types';

/** Whether a value is an object of string values (answer metadata). */
function isStringRecord(value: unknown): value is BindingMetadata {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Maps one answer to a result (a status >= 400 to a DaprBindingError); a string says why it is no answer. */
export function readAnswer(value: unknown): BatchResult | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'no {statusCode} object';
  const answer = value as Partial<Record<keyof WireAnswer, unknown>>;
  const { statusCode, errorCode, message, dataBase64 } = answer;
  if (typeof statusCode !== 'number') return 'an object without a numeric statusCode';
  if (answer.metadata !== undefined && !isStringRecord(answer.metadata)) return 'metadata that is not string→string';
  const metadata = answer.metadata ?? {};
  if (statusCode >= 400) {
    if (typeof errorCode !== 'string' || typeof message !== 'string') {
      return `status ${statusCode} without a Dapr errorCode and message`;
    }
    return { ok: false, error: new DaprBindingError(errorCode, message, statusCode, { ...metadata }) };
  }
  if (dataBase64 !== undefined) {
    if (typeof dataBase64 !== 'string') return 'a dataBase64 that is not a string';
    return { ok: true, data: Buffer.from(dataBase64, 'base64'), metadata: { ...metadata } };
  }
  return { ok: true, data: answer.data, metadata: { ...metadata } };
}
