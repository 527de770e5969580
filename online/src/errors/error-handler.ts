/** `app.onError` and `app.notFound`: every failure becomes `{ error: { code, message, requestId, details? } }`. */
import type { ErrorBody } from '@mediassist/shared/api';
import { AppError, toAppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.js';
import { codeForHttpStatus, HTTP_STATUS_BY_CODE } from './http-status.js';
import { safeErrorFields } from './safe-error.js';

/** Normalises anything thrown: Hono's own HTTPExceptions keep their meaning via their status. */
export function normalizeError(thrown: unknown): AppError {
  if (thrown instanceof HTTPException) {
    const code = codeForHttpStatus(thrown.status);
    const message = thrown.status < 500 ? thrown.message || code : 'Internal error';
    return new AppError(code, message, { cause: thrown });
  }
  return toAppError(thrown);
}

/** Renders an AppError; 5xx bodies carry a generic message and no details. */
export function renderError(c: Context<AppEnv>, error: AppError): Response {
  const status = HTTP_STATUS_BY_CODE[error.code];
  c.set('errorCode', error.code);
  if (error.code === 'UNAUTHENTICATED') {
    c.header('WWW-Authenticate', 'Bearer realm="mediassist"');
  }
  const internal = status === 500;
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: internal ? 'Internal error' : error.message,
      requestId: c.get('requestId'),
      ...(!internal && error.details.length > 0 ? { details: [...error.details] } : {}),
    },
  };
  return c.json(body, status);
}

export interface ErrorHandlersOptions {
  logger: Logger;
}

export function createErrorHandlers(options: ErrorHandlersOptions): {
  onError: ErrorHandler<AppEnv>;
  notFound: NotFoundHandler<AppEnv>;
} {
  const { logger } = options;
  return {
    onError(thrown, c) {
      const error = normalizeError(thrown);
      if (HTTP_STATUS_BY_CODE[error.code] >= 500) {
        logger.error(
          { requestId: c.get('requestId'), code: error.code, error: safeErrorFields(thrown) },
          'request failed',
        );
      }
      return renderError(c, error);
    },
    notFound(c) {
      return renderError(c, new AppError('NOT_FOUND', 'No such route'));
    },
  };
}
