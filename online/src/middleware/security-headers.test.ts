import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { addSecurityHeaders, SECURITY_HEADERS } from './security-headers.js';

describe('SECURITY_HEADERS', () => {
  it("are exactly what Hono's secureHeaders sends with the API's CSP", async () => {
    const app = new Hono();
    app.use(
      secureHeaders({
        contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
        overwrite: false,
      }),
    );
    app.get('/', (c) => c.body(null, 204));
    const res = await app.request('/');
    expect([...res.headers]).toEqual(SECURITY_HEADERS);
  });

  it('are listed by name in order, as a Headers object iterates them', () => {
    const names = SECURITY_HEADERS.map(([name]) => name);
    expect(names).toEqual([...names].sort());
    expect(names.every((name) => name === name.toLowerCase())).toBe(true);
  });
});

describe('addSecurityHeaders', () => {
  it("keeps a route's own policy, adds the rest and drops X-Powered-By", () => {
    const headers = new Headers({
      'Content-Security-Policy': "default-src 'self'",
      'X-Powered-By': 'test',
    });
    addSecurityHeaders(headers);
    expect(headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(headers.get('X-Powered-By')).toBeNull();
    expect([...headers.keys()]).toHaveLength(SECURITY_HEADERS.length);
  });
});
