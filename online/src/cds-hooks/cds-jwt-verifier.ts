/**
 * Verifies the JWT a CDS client sends with every call (CDS Hooks 2.0 "Trusting CDS Clients"): an
 * asymmetric signature (never `none` or HMAC) by a key of an allow-listed issuer — from its
 * configured key set or an allow-listed `jku` — `aud` equal to the endpoint called, `exp`, `iat` not
 * older than the limit, and a `jti` never seen before. A verified EHR calls as a clinician.
 */
import { AppError, type ErrorDetail } from '@mediassist/shared/errors';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { Caller } from '../auth/caller.js';
import type { Clock } from '../clock.js';
import type { TrustedIssuer } from './cds-issuers.js';
import type { ReplayGuard } from './replay-guard.js';

export const CDS_JWT_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
];

export interface CdsJwtVerifier {
  /** The EHR as a caller, or UNAUTHENTICATED (DEPENDENCY_UNAVAILABLE when its keys cannot be fetched). */
  verify(options: { token: string; audience: string }): Promise<Caller>;
}

export interface CdsJwtVerifierOptions {
  issuers: readonly TrustedIssuer[];
  replayGuard: ReplayGuard;
  clock: Clock;
  /** Oldest `iat`, and longest remaining lifetime, accepted (default 600 s). */
  maxTokenAgeSec?: number;
  clockToleranceSec?: number;
  /** Builds the key lookup for a JWKS URL (default jose's cached `createRemoteJWKSet`). */
  remoteKeySet?: (url: URL) => JWTVerifyGetKey;
}

function refuse(message: string, issue: string, cause?: unknown): AppError {
  const details: ErrorDetail[] = [{ path: 'authorization', issue }];
  return new AppError('UNAUTHENTICATED', message, { cause, details });
}

function refusalFor(error: unknown): AppError {
  if (error instanceof errors.JWTExpired) {
    return error.claim === 'iat'
      ? refuse('Token issued too long ago', 'too_old', error)
      : refuse('Token expired', 'expired', error);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') {
      return refuse('Token audience is not this endpoint', 'audience_mismatch', error);
    }
    if (error.claim === 'iat') {
      return refuse('Token issued in the future', 'issued_in_future', error);
    }
    return refuse('Token claims not accepted', `claim_${error.claim}`, error);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refuse('Token algorithm not accepted (asymmetric keys only)', 'alg_not_allowed', error);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return refuse('Token signature not valid', 'bad_signature', error);
  }
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new AppError('DEPENDENCY_UNAVAILABLE', 'The issuer’s key set could not be fetched', {
      cause: error,
    });
  }
  return refuse('Token not valid', 'invalid_token', error);
}

export function createCdsJwtVerifier(options: CdsJwtVerifierOptions): CdsJwtVerifier {
  const { replayGuard, clock } = options;
  const maxTokenAgeSec = options.maxTokenAgeSec ?? 600;
  const clockToleranceSec = options.clockToleranceSec ?? 30;
  const remote =
    options.remoteKeySet ?? ((url: URL) => createRemoteJWKSet(url, { timeoutDuration: 2_000 }));
  const issuers = new Map(options.issuers.map((issuer) => [issuer.iss, issuer]));
  const localSets = new Map(
    options.issuers.flatMap((issuer) =>
      issuer.jwks ? [[issuer.iss, createLocalJWKSet(issuer.jwks)] as const] : [],
    ),
  );
  const remoteSets = new Map<string, JWTVerifyGetKey>();
  const remoteSet = (url: string): JWTVerifyGetKey => {
    let set = remoteSets.get(url);
    if (!set) {
      set = remote(new URL(url));
      remoteSets.set(url, set);
    }
    return set;
  };

  const keysFor = (issuer: TrustedIssuer, jku: string | undefined): JWTVerifyGetKey => {
    if (jku !== undefined) {
      if (!issuer.jku.includes(jku)) {
        throw refuse('Token key set URL (jku) is not trusted for this issuer', 'untrusted_jku');
      }
      return remoteSet(jku);
    }
    const local = localSets.get(issuer.iss);
    if (local) {
      return local;
    }
    if (issuer.jwksUrl !== undefined) {
      return remoteSet(issuer.jwksUrl);
    }
    throw refuse('Token must name its key set (jku) for this issuer', 'jku_required');
  };

  return {
    async verify({ token, audience }) {
      let iss: string | undefined;
      let jku: string | undefined;
      try {
        iss = decodeJwt(token).iss;
        jku = decodeProtectedHeader(token).jku;
      } catch (error) {
        throw refuse('Token not valid', 'invalid_token', error);
      }
      const issuer = iss === undefined ? undefined : issuers.get(iss);
      if (!issuer) {
        throw refuse('Token issuer is not trusted', 'untrusted_issuer');
      }
      const nowMs = clock.now();
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keysFor(issuer, jku), {
          algorithms: CDS_JWT_ALGORITHMS,
          issuer: issuer.iss,
          audience,
          requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
          currentDate: new Date(nowMs),
          clockTolerance: clockToleranceSec,
          maxTokenAge: maxTokenAgeSec,
        }));
      } catch (error) {
        throw error instanceof AppError ? error : refusalFor(error);
      }
      const { exp, jti } = payload;
      if (exp === undefined || typeof jti !== 'string' || jti.length === 0 || jti.length > 256) {
        throw refuse('Token claims not accepted', 'claim_jti');
      }
      if (exp * 1000 > nowMs + (maxTokenAgeSec + clockToleranceSec) * 1000) {
        throw refuse('Token lifetime is longer than accepted', 'lifetime_too_long');
      }
      const first = await replayGuard.firstUse({
        id: `${issuer.iss}\u0000${jti}`,
        expiresAtMs: (exp + clockToleranceSec) * 1000,
      });
      if (!first) {
        throw refuse('Token already used (jti replay)', 'replayed');
      }
      const tenant = typeof payload['tenant'] === 'string' ? `#${payload['tenant']}` : '';
      return {
        subject: `cds:${issuer.iss}${tenant}`.slice(0, 256),
        roles: ['clinician'],
        via: 'jwt',
      };
    },
  };
}
