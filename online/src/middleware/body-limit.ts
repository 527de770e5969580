/**
 * Hono's `bodyLimit` with a header fast path. Hono's middleware first reads `c.req.raw.body`, which on
 * @hono/node-server turns the lightweight request into a full `Request` with a web stream over the
 * socket (measured: ~4 % of an assist request's CPU, plus reading the body back through that
 * stream). The decision it then takes for a request without a body, or with a `Content-Length` and no
 * `Transfer-Encoding`, needs the headers only, so this takes it from them; any other request
 * (chunked) goes through Hono's middleware, which counts the bytes as they arrive.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';

export interface BodyLimitOptions {
  maxSize: number;
  /** Called (and its result returned) for a body over the limit; it may throw. */
  onError: NonNullable<Parameters<typeof honoBodyLimit>[0]['onError']>;
}

export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const { maxSize, onError } = options;
  const counting = honoBodyLimit({ maxSize, onError });
  return async function bodyLimit(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') {
      // A GET or HEAD request never has a body in the Fetch API (`c.req.raw.body` is null).
      await next();
      return;
    }
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length || '0', 10) > maxSize) {
        return onError(c);
      }
      await next();
      return;
    }
    return counting(c, next);
  };
}
