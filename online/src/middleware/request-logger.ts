/** One log line per request: ids, route pattern, status, duration, error code. No query, body or headers. */
import type { Logger } from '@mediassist/shared/logger';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { routeLabel } from './route-label.js';

export interface RequestLoggerOptions {
  logger: Logger;
  now?: () => number;
}

export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler<AppEnv> {
  const { logger, now = () => performance.now() } = options;
  return async function requestLogger(c, next) {
    const started = now();
    await next();
    const status = c.res.status;
    const fields = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routeLabel(c),
      status,
      durationMs: Math.round((now() - started) * 100) / 100,
      caller: c.get('caller')?.subject,
      code: c.get('errorCode'),
    };
    if (status >= 500) {
      logger.warn(fields, 'request');
    } else {
      logger.info(fields, 'request');
    }
  };
}
