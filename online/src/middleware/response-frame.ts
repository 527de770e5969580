/**
 * The headers every answer carries — `X-Request-Id`, `Vary: Accept-Encoding` and the security
 * headers — and the request id itself (`c.get('requestId')`: a well-formed incoming `X-Request-Id`
 * of at most `maxRequestIdLength` characters, else a random UUID). Outermost middleware.
 *
 * A JSON answer to a request without `Origin` or `Accept-Encoding` (neither CORS nor compression
 * will touch it: an EHR, a script, a load balancer) is built once by `frameJson`, with all its
 * headers in one plain object. On @hono/node-server that object goes straight to `writeHead`, where
 * a web `Headers` object (which `c.header()` creates, and every header set on `c.res.headers`
 * validates) costs far more per request. Same headers and values as the other path, listed in the
 * order a `Headers` object iterates them (lower-case names, sorted), so the header lines match too
 * (node then adds `Content-Length` after its own `Date`/`Connection`/`Keep-Alive`, not before).
 * Any other answer gets the same headers added the usual way after the handler has answered.
 */
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed, JSONValue } from 'hono/utils/types';
import type { AppEnv, JsonFrame } from '../app-env.js';
import { addSecurityHeaders, SECURITY_HEADERS } from './security-headers.js';

export interface ResponseFrameOptions {
  maxRequestIdLength: number;
}

const VARY = 'Accept-Encoding';
const VARIES_BY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;
const MALFORMED_REQUEST_ID = /[^\w\-=]/;

function requestIdFrom(incoming: string | undefined, maxLength: number): string {
  if (incoming === undefined || incoming === '' || incoming.length > maxLength) {
    return crypto.randomUUID();
  }
  return MALFORMED_REQUEST_ID.test(incoming) ? crypto.randomUUID() : incoming;
}

/** The headers of a framed JSON answer, by name in the order a `Headers` object lists them. */
function jsonHeaderTemplate(): Record<string, string> {
  const entries: (readonly [string, string])[] = [
    ...SECURITY_HEADERS,
    ['content-type', 'application/json'],
    ['vary', VARY],
    ['x-request-id', ''],
  ];
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries);
}

export function responseFrame(options: ResponseFrameOptions): MiddlewareHandler<AppEnv> {
  const { maxRequestIdLength } = options;
  const template = jsonHeaderTemplate();
  return async function responseFrame(c, next) {
    const requestId = requestIdFrom(c.req.header('X-Request-Id'), maxRequestIdLength);
    c.set('requestId', requestId);
    if (c.req.header('Origin') !== undefined || c.req.header('Accept-Encoding') !== undefined) {
      // CORS and compression add to these after the handler: set before it, as they expect.
      c.header('X-Request-Id', requestId);
      c.header('Vary', VARY, { append: true });
      await next();
      addSecurityHeaders(c.res.headers);
      return;
    }
    const frame: JsonFrame = { headers: { ...template, 'x-request-id': requestId } };
    c.set('jsonFrame', frame);
    await next();
    if (frame.answer !== undefined && c.res === frame.answer) {
      return;
    }
    const headers = c.res.headers;
    headers.set('X-Request-Id', requestId);
    const vary = headers.get('Vary');
    if (vary === null) {
      headers.set('Vary', VARY);
    } else if (!VARIES_BY_ENCODING.test(vary)) {
      headers.set('Vary', `${VARY}, ${vary}`);
    }
    addSecurityHeaders(headers);
  };
}

/**
 * `c.json(body, status)`, built with the frame's plain header object when the request has one.
 * Only for routes where neither the handler nor a middleware before it sets a header (`c.header`)
 * on a successful answer: a framed answer carries the frame's headers alone
 * (`app.headers.test.ts` compares it with the usual path).
 */
export function frameJson<T extends JSONValue | object, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  body: T,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const frame = c.get('jsonFrame');
  if (frame === undefined) {
    return c.json(body, status);
  }
  const answer = new Response(JSON.stringify(body), { status, headers: frame.headers });
  frame.answer = answer;
  return answer as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
