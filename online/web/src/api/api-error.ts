/** A failed API call as the screen shows it: the server's error code and request id, never a body dump. */
import { ErrorBodySchema } from '@mediassist/shared/api';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** The server's error code (`UNAUTHENTICATED`, `NOT_FOUND`…), or `NETWORK` / `BAD_RESPONSE`. */
  readonly code: string;
  readonly requestId: string | null;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    requestId: string | null;
  }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
  }
}

/** The error a non-2xx response stands for; bodies that are not our error shape get a generic message. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, requestId } = parsed.data.error;
    return new ApiError({ status, code, message, requestId });
  }
  return new ApiError({
    status,
    code: 'BAD_RESPONSE',
    message: `The service answered ${String(status)}`,
    requestId: null,
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
