/** Deny by default: every path not listed as public needs a valid API key or bearer token. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Authenticator } from '../auth/caller.js';

export interface AuthenticateOptions {
  auth: Authenticator;
  /** Paths served without credentials (health probes, static docs assets). */
  isPublic: (path: string) => boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  const { auth, isPublic } = options;
  return async function authenticate(c, next) {
    if (isPublic(c.req.path)) {
      await next();
      return;
    }
    const bearer = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    const caller = await auth.authenticate({ apiKey: c.req.header('X-API-Key'), bearer });
    c.set('caller', caller);
    await next();
  };
}

/** A matcher for exact paths and `prefix/*` patterns. */
export function publicPathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('/*')));
  const prefixes = patterns.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1));
  return (path) => exact.has(path) || prefixes.some((prefix) => path.startsWith(prefix));
}
