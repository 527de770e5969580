/**
 * The security headers of every answer: what Hono's `secureHeaders` sends with its defaults and a
 * locked-down CSP (`default-src 'none'; frame-ancestors 'none'`), written out once so that a JSON
 * answer can carry them in a plain header object (`response-frame.ts`). Pinned to Hono's output by
 * `security-headers.test.ts`. Routes that serve pages (/docs, the web app) set their own CSP, which
 * is kept.
 */

/** Lower-case names, as a web `Headers` object lists them. */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/** Adds each security header a route has not set itself, and drops `X-Powered-By`. */
export function addSecurityHeaders(headers: Headers): void {
  for (const [name, value] of SECURITY_HEADERS) {
    if (!headers.has(name)) {
      headers.set(name, value);
    }
  }
  headers.delete('X-Powered-By');
}
