import { isUtf8 } from 'node:buffer';
import { DaprError, InvokeBindingError, MalformedRequestError } from '../api/errors';
import { decodeRequestValue, marshalData, MAX_BODY_BYTES } from '../api/parse-body';
import type { InvokeResponse } from '../bindings/driver';
import type { WireAnswer } from '../client/wire';
import type { BindingsRuntime } from '../runtime/bindings-runtime';
import { describeError, type Logger } from '../runtime/logger';

/** A direct Lambda invoke, and the answer to one: the wire shapes the client shares. */
export type { WireEvent as InvokeEvent, WireAnswer as InvokeAnswer } from '../client/wire';
function malformed(detail: string): DaprError {
  return new DaprError('ERR_MALFORMED_REQUEST', 400, `failed deserializing invoke event: ${detail}`);
}

function decodeEvent(event: unknown): {
  name: string;
  operation: string;
  data: Buffer;
  metadata: Record<string, string>;
} {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw malformed('expected an object {name, operation, data, metadata}');
  }
  const { name, ...rest } = event as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') throw malformed('name must be a non-empty string');
  try {
    const body = decodeRequestValue(rest);
    const data = marshalData(body.data);
    if (data.length > MAX_BODY_BYTES) throw malformed('stream too large');
    return { name, operation: body.operation, data, metadata: body.metadata };
  } catch (error) {
    if (error instanceof MalformedRequestError) throw malformed(error.detail);
    throw error;
  }
}

function describeData(data: Buffer): Pick<WireAnswer, 'data' | 'dataBase64'> {
  if (!isUtf8(data)) return { dataBase64: data.toString('base64') };
  const text = data.toString('utf8');
  try {
    return { data: JSON.parse(text) };
  } catch {
    return { data: text };
  }
}

function answerWith(result: InvokeResponse): WireAnswer {
  const answer: WireAnswer = { statusCode: result.data === undefined ? 204 : 200 };
  if (result.data !== undefined) Object.assign(answer, describeData(result.data));
  if (result.metadata && Object.keys(result.metadata).length > 0) answer.metadata = result.metadata;
  return answer;
}

function answerWithError(error: DaprError): WireAnswer {
  const metadata = error instanceof InvokeBindingError ? error.responseMetadata : undefined;
  return { statusCode: error.status, errorCode: error.code, message: error.message, ...(metadata ? { metadata } : {}) };
}

async function answerOne(
  event: unknown,
  runtime: BindingsRuntime,
  logger: Logger,
  remainingMs?: () => number,
): Promise<WireAnswer> {
  try {
    const request = decodeEvent(event);
    return answerWith(await runtime.invokeBinding(request, remainingMs?.()));
  } catch (error) {
    if (error instanceof DaprError) {
      logger.warn('invoke failed', { status: error.status, errorCode: error.code, ...describeError(error) });
      return answerWithError(error);
    }
    logger.error('unexpected error', describeError(error));
    return answerWithError(new DaprError('ERR_INTERNAL', 500, 'internal error'));
  }
}

/** Serves a direct invoke: one event, or an array answered in order (one after another, so per-key order holds). */
export async function handleInvokeEvent(
  event: unknown,
  runtime: BindingsRuntime,
  logger: Logger,
  remainingMs?: () => number,
): Promise<WireAnswer | WireAnswer[]> {
  if (!Array.isArray(event)) return answerOne(event, runtime, logger, remainingMs);
  const answers: WireAnswer[] = [];
  for (const item of event) answers.push(await answerOne(item, runtime, logger, remainingMs));
  return answers;
}
