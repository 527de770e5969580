/** One error type for the whole system, with a registry of stable codes. Messages carry ids and codes, never PHI. */
import { z } from 'zod';

/** Every error code MediAssist emits. Transports map these (online: HTTP status; nearline: retry or not). */
export const ERROR_CODES = {
  /** Input failed its schema at an edge (HTTP body, query, job payload, file line). */
  VALIDATION_FAILED: { retryable: false },
  /** The request body is larger than the documented limit. */
  PAYLOAD_TOO_LARGE: { retryable: false },
  /** The request body is not JSON (or not the documented media type). */
  UNSUPPORTED_MEDIA_TYPE: { retryable: false },
  /** No credentials, or credentials that do not verify. */
  UNAUTHENTICATED: { retryable: false },
  /** Valid credentials without the role this operation needs. */
  FORBIDDEN: { retryable: false },
  /** The caller exceeded its request budget. */
  RATE_LIMITED: { retryable: true },
  /** The route or resource does not exist. */
  NOT_FOUND: { retryable: false },
  /** The operation conflicts with current state (e.g. a duplicate id with different content). */
  CONFLICT: { retryable: false },
  /** Environment or configuration is invalid; the process must not start. */
  CONFIG_INVALID: { retryable: false },
  /** A knowledge-base file failed validation or referential integrity. */
  KB_INVALID: { retryable: false },
  /** A model artefact or manifest is missing, corrupt or incompatible. */
  MODEL_INVALID: { retryable: false },
  /** A dependency (Redis, DuckDB, a FHIR server) is unreachable or failing. */
  DEPENDENCY_UNAVAILABLE: { retryable: true },
  /** A dependency did not answer within its deadline. */
  DEPENDENCY_TIMEOUT: { retryable: true },
  /** A bug: anything not classified above. */
  INTERNAL: { retryable: true },
} as const satisfies Record<string, { retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A structured, PHI-free detail: where (a path of keys/indexes) and what (a code). */
export interface ErrorDetail {
  path: string;
  issue: string;
}

export interface AppErrorOptions {
  cause?: unknown;
  details?: readonly ErrorDetail[];
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details ?? [];
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }
}

/** Zod issues as PHI-free details: the path and the issue code, never the offending value. */
export function detailsFromZod(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    issue: issue.code,
  }));
}

/** Normalises anything thrown into an AppError at a boundary. */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) {
    return thrown;
  }
  if (thrown instanceof z.ZodError) {
    return new AppError('VALIDATION_FAILED', 'Input failed validation', {
      cause: thrown,
      details: detailsFromZod(thrown),
    });
  }
  return new AppError('INTERNAL', 'Unexpected error', { cause: thrown });
}
