/** 403 unless the caller holds one of the roles; `requireAccess` reads the roles from ROUTE_ACCESS. */
import type { Role } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ROUTE_ACCESS, type RouteAccess } from '../auth/route-access.js';

export function requireRole(...roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const caller = c.get('caller');
    if (!caller) {
      throw new AppError('UNAUTHENTICATED', 'Authentication required');
    }
    const granted = caller.roles.find((role) => roles.includes(role));
    if (granted === undefined) {
      throw new AppError('FORBIDDEN', 'Your role may not use this endpoint');
    }
    c.set('grantedRole', granted);
    await next();
  };
}

export function requireAccess(entry: RouteAccess): MiddlewareHandler<AppEnv> {
  return requireRole(...ROUTE_ACCESS[entry]);
}
