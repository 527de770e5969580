/**
 * Authentication for CDS Hooks service and feedback calls: the EHR's bearer JWT, verified for the
 * endpoint called (`aud` = the public base URL + the request path), or — in open mode, for local
 * development only — no token at all. Sets the caller (a clinician) for roles, rate limits and audit.
 */
import { AppError } from '@mediassist/shared/errors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Caller } from '../auth/caller.js';
import type { CdsJwtVerifier } from './cds-jwt-verifier.js';

export type CdsAuth =
  | { mode: 'open' }
  | {
      mode: 'jwt';
      verifier: CdsJwtVerifier;
      /** The public base URL EHRs call (`https://cds.example.org`); the request's origin when unset. */
      baseUrl?: string | undefined;
    };

/** The caller in open mode (development only; main.ts logs loudly when it is on). */
export const OPEN_MODE_CALLER: Caller = {
  subject: 'cds:open-mode',
  roles: ['clinician'],
  via: 'jwt',
};

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The `aud` a token for this request must carry. */
export function audienceFor(options: {
  baseUrl: string | undefined;
  url: string;
  path: string;
}): string {
  const base = options.baseUrl ?? new URL(options.url).origin;
  return `${base.replace(/\/+$/, '')}${options.path}`;
}

export function cdsAuthenticate(options: { auth: CdsAuth }): MiddlewareHandler<AppEnv> {
  const { auth } = options;
  return async function cdsAuthenticate(c, next) {
    if (auth.mode === 'open') {
      c.set('caller', OPEN_MODE_CALLER);
      await next();
      return;
    }
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (token === undefined) {
      throw new AppError(
        'UNAUTHENTICATED',
        'CDS Hooks calls need a bearer JWT from a trusted EHR',
        {
          details: [{ path: 'authorization', issue: 'missing' }],
        },
      );
    }
    const audience = audienceFor({ baseUrl: auth.baseUrl, url: c.req.url, path: c.req.path });
    c.set('caller', await auth.verifier.verify({ token, audience }));
    await next();
  };
}
