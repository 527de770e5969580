/** Pieces every route declaration shares: the security requirement and the error responses. */
import { ErrorBodySchema } from '@mediassist/shared/api';

/** Security scheme names registered in app.ts. */
export const API_KEY_SCHEME = 'apiKey';
export const BEARER_SCHEME = 'bearer';

/** For `createRoute({ security })` on every authenticated route: an API key or a bearer token. */
export const AUTHENTICATED = [{ [API_KEY_SCHEME]: [] }, { [BEARER_SCHEME]: [] }];

const DESCRIPTIONS = {
  400: 'VALIDATION_FAILED: the request failed its schema (details name the paths)',
  401: 'UNAUTHENTICATED: missing, unknown, expired or invalid credentials',
  403: 'FORBIDDEN: the caller’s role may not use this endpoint',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE: the body exceeds the documented limit',
  415: 'UNSUPPORTED_MEDIA_TYPE: send application/json',
  429: 'RATE_LIMITED: retry after the number of seconds in Retry-After',
  503: 'DEPENDENCY_UNAVAILABLE',
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

/** The error responses a route documents, all with the shared ErrorBody schema. */
export function errorResponses(
  ...statuses: ErrorStatus[]
): Record<
  ErrorStatus,
  { description: string; content: { 'application/json': { schema: typeof ErrorBodySchema } } }
> {
  const responses = {} as Record<
    ErrorStatus,
    { description: string; content: { 'application/json': { schema: typeof ErrorBodySchema } } }
  >;
  for (const status of statuses) {
    responses[status] = {
      description: DESCRIPTIONS[status],
      content: { 'application/json': { schema: ErrorBodySchema } },
    };
  }
  return responses;
}

/** The errors any authenticated route can return. */
export const AUTHENTICATED_ERRORS = [401, 403, 429] as const;
