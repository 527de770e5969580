import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PATHS } from './app.js';
import { publicPathMatcher } from './middleware/authenticate.js';
import { createTestApp } from './testing/test-app.js';

describe('createApp: request ids', () => {
  it('generates a request id, echoes it in X-Request-Id and puts it in the log line', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/healthz');
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs().find((l) => l['msg'] === 'request')).toMatchObject({ requestId: id });
  });

  it('keeps a well-formed incoming id and replaces a malformed or overlong one', async () => {
    const t = await createTestApp();
    const kept = await t.app.request('/healthz', { headers: { 'X-Request-Id': 'ehr-abc-123' } });
    expect(kept.headers.get('X-Request-Id')).toBe('ehr-abc-123');
    const odd = await t.app.request('/healthz', { headers: { 'X-Request-Id': 'Jane Doe' } });
    expect(odd.headers.get('X-Request-Id')).not.toContain('Jane');
    const long = await t.app.request('/healthz', { headers: { 'X-Request-Id': 'a'.repeat(65) } });
    expect(long.headers.get('X-Request-Id')).toHaveLength(36);
  });

  it('puts the same request id in the header and in an error body', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/version');
    const body = (await res.json()) as { error: { requestId: string } };
    expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
  });
});

describe('createApp: CORS, compression, security headers', () => {
  it('answers a preflight from a configured origin without credentials', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/search', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('X-API-Key');
    expect(res.headers.get('Access-Control-Max-Age')).toBe('600');
  });

  it('does not allow an origin that is not configured', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/search', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('exposes X-Request-Id to the web app on an actual cross-origin request', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/version', {
      headers: { ...t.as('clinician'), Origin: 'http://localhost:5173' },
    });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
  });

  it('adds no CORS headers for a client that sends no Origin, and says answers vary by encoding', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/version', { headers: t.as('clinician') });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Expose-Headers')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    const browser = await t.app.request('/openapi.json', {
      headers: { ...t.as('admin'), Origin: 'http://localhost:5173', 'Accept-Encoding': 'gzip' },
    });
    expect(browser.headers.get('Content-Encoding')).toBe('gzip');
    expect(browser.headers.get('Vary')).toBe('Accept-Encoding, Origin');
  });

  it('gzips a large response when the client accepts it, and not otherwise', async () => {
    const t = await createTestApp();
    const gz = await t.app.request('/openapi.json', {
      headers: { ...t.as('admin'), 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    const doc = JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()) as {
      openapi: string;
    };
    expect(doc.openapi).toBe('3.1.0');
    const plain = await t.app.request('/openapi.json', { headers: t.as('admin') });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
  });

  it('sends secure headers and a locked-down CSP on API responses', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/version', { headers: t.as('clinician') });
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('X-Powered-By')).toBeNull();
  });
});

describe('createApp: access control covers every route', () => {
  it('refuses a caller without roles on every non-public route (403)', async () => {
    const t = await createTestApp({
      overrides: {
        auth: { authenticate: () => Promise.resolve({ subject: 'nobody', roles: [], via: 'jwt' }) },
      },
    });
    const isPublic = publicPathMatcher(PUBLIC_PATHS);
    const routes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'ALL' && !isPublic(r.path))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ];
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/v1/kb/search', 'GET /metrics', 'GET /openapi.json']),
    );
    for (const route of routes) {
      const [method = '', path = ''] = route.split(' ');
      const res = await t.app.request(path.replace(/:\w+/g, 'x'), { method });
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
    }
  });

  it('serves the public paths without credentials', async () => {
    const t = await createTestApp();
    for (const path of ['/healthz', '/readyz', '/docs', '/docs/assets/docs.js']) {
      expect((await t.app.request(path)).status).toBe(200);
    }
  });
});
