import type middy from '@middy/core';
import { DaprError } from '../api/errors';
import { respondWithError } from '../api/respond';
import { describeError, type Logger } from '../runtime/logger';
import { isHttpEvent, toHttpResult } from './http';

/** Middy middleware: whatever escapes the handler becomes a Dapr 500 answer, never a Lambda error. */
export function safetyNet(logger: Logger): middy.MiddlewareObj {
  return {
    onError: (request) => {
      logger.error('unhandled error', describeError(request.error));
      const error = new DaprError('ERR_INTERNAL', 500, 'internal error');
      request.response = isHttpEvent(request.event)
        ? toHttpResult(respondWithError(error))
        : { statusCode: error.status, errorCode: error.code, message: error.message };
    },
  };
}
