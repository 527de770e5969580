/**
 * Hono's `cors` and `compress`, arranged so that an API answer is built once. Both append `Vary` after
 * the handler has answered, and a header set on a finished response makes Hono (on
 * @hono/node-server) rebuild it as a full web `Response` that is then streamed back out — measured at
 * ~12 % of an assist request's CPU. So `Vary: Accept-Encoding` is set before the handler runs
 * (`response-frame.ts`; compress then has nothing to add unless it compresses), compression runs
 * only for requests that carry an `Accept-Encoding` header (without one, compress changes nothing)
 * and CORS only for requests that carry an `Origin` header: browsers send it on every cross-origin
 * request and preflight, and CORS response headers mean nothing to any other client (an EHR, a
 * script, a load balancer probe).
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import type { AppEnv } from '../app-env.js';

/** Gzip/deflate for clients that accept it (`Vary: Accept-Encoding` comes from the response frame). */
export function compression(): MiddlewareHandler<AppEnv> {
  const compressing = compress();
  return async function compression(c, next) {
    if (c.req.header('Accept-Encoding') === undefined) {
      await next();
      return;
    }
    await compressing(c, next);
  };
}

/** Hono's CORS for requests from a browser (with `Origin`); other requests pass untouched. */
export function corsForBrowsers(options: Parameters<typeof cors>[0]): MiddlewareHandler<AppEnv> {
  const crossOrigin = cors(options);
  return async function corsForBrowsers(c, next) {
    if (c.req.header('Origin') === undefined) {
      await next();
      return;
    }
    // A preflight is answered here: cors returns its 204 instead of calling next.
    return crossOrigin(c, next);
  };
}
