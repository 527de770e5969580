/** Bearer JWTs (HS256 shared secret and/or RS256 public key) carrying `sub` and `roles`. */
import { ROLES, type Role } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import { errors, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../clock.js';
import type { Caller } from './caller.js';

export interface JwtVerifier {
  /** The caller named by a valid token; throws UNAUTHENTICATED (never echoing the token). */
  verify(token: string): Promise<Caller>;
}

export interface JwtVerifierOptions {
  /** HS256 shared secret (at least 32 characters). */
  hs256Secret?: string | undefined;
  /** RS256 public key, PEM-encoded SPKI (`-----BEGIN PUBLIC KEY-----`). */
  rs256PublicKeyPem?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  clock: Clock;
  /** Accepted clock skew for `exp`/`nbf`, in seconds. */
  clockToleranceSec?: number;
}

function knownRoles(claim: unknown): Role[] {
  if (!Array.isArray(claim)) {
    return [];
  }
  return ROLES.filter((role) => claim.includes(role));
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    return 'Token expired';
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return 'Token claims not accepted';
  }
  return 'Token not valid';
}

/** Returns undefined when neither key is configured (bearer JWTs are then refused). */
export async function createJwtVerifier(
  options: JwtVerifierOptions,
): Promise<JwtVerifier | undefined> {
  const {
    hs256Secret,
    rs256PublicKeyPem,
    issuer,
    audience,
    clock,
    clockToleranceSec = 5,
  } = options;
  const secret = hs256Secret === undefined ? undefined : new TextEncoder().encode(hs256Secret);
  let publicKey: CryptoKey | undefined;
  if (rs256PublicKeyPem !== undefined) {
    try {
      publicKey = await importSPKI(rs256PublicKeyPem, 'RS256');
    } catch (error) {
      throw new AppError('CONFIG_INVALID', 'JWT public key is not a PEM SPKI RS256 key', {
        cause: error,
      });
    }
  }
  if (!secret && !publicKey) {
    return undefined;
  }
  const algorithms = [...(secret ? ['HS256'] : []), ...(publicKey ? ['RS256'] : [])];
  const keyFor: JWTVerifyGetKey = (header) => {
    const key = header.alg === 'HS256' ? secret : publicKey;
    if (!key) {
      throw new errors.JOSEAlgNotAllowed('alg not allowed');
    }
    return key;
  };

  return {
    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keyFor, {
          algorithms,
          requiredClaims: ['sub', 'exp'],
          currentDate: new Date(clock.now()),
          clockTolerance: clockToleranceSec,
          ...(issuer === undefined ? {} : { issuer }),
          ...(audience === undefined ? {} : { audience }),
        }));
      } catch (error) {
        throw new AppError('UNAUTHENTICATED', reasonOf(error), { cause: error });
      }
      const subject = payload.sub;
      if (subject === undefined || subject.length === 0 || subject.length > 128) {
        throw new AppError('UNAUTHENTICATED', 'Token has no usable subject');
      }
      return { subject, roles: knownRoles(payload['roles']), via: 'jwt' };
    },
  };
}
