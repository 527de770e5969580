/** Turns a request's credentials into a Caller: the `X-API-Key` header first, then the bearer token. */
import { AppError } from '@mediassist/shared/errors';
import { looksLikeApiKey } from './api-key.js';
import type { ApiKeyStore } from './api-key-store.js';
import type { Authenticator, Caller } from './caller.js';
import type { JwtVerifier } from './jwt-verifier.js';

export interface AuthenticatorOptions {
  apiKeys: ApiKeyStore;
  /** Absent when no JWT key is configured: bearer JWTs are then refused. */
  jwt?: JwtVerifier | undefined;
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { apiKeys, jwt } = options;
  return {
    async authenticate({ apiKey, bearer }): Promise<Caller> {
      if (apiKey !== undefined && apiKey.length > 0) {
        return apiKeys.verify(apiKey);
      }
      if (bearer === undefined || bearer.length === 0) {
        throw new AppError('UNAUTHENTICATED', 'Authentication required');
      }
      if (looksLikeApiKey(bearer)) {
        return apiKeys.verify(bearer);
      }
      if (!jwt) {
        throw new AppError('UNAUTHENTICATED', 'Bearer tokens are not configured; use an API key');
      }
      return await jwt.verify(bearer);
    },
  };
}
