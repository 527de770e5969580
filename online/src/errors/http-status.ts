/** AppError code → HTTP status: the one table (exhaustive over ERROR_CODES; tsc fails on a new code). */
import type { ErrorCode } from '@mediassist/shared/errors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const HTTP_STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CONFIG_INVALID: 500,
  KB_INVALID: 500,
  MODEL_INVALID: 500,
  DEPENDENCY_UNAVAILABLE: 503,
  DEPENDENCY_TIMEOUT: 504,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

/** For errors Hono raises itself (malformed JSON, a media-type gate): the code their status means. */
export function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'DEPENDENCY_UNAVAILABLE';
    case 504:
      return 'DEPENDENCY_TIMEOUT';
    default:
      return 'INTERNAL';
  }
}
