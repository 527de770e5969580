import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';
import { HASHED_CACHE_CONTROL, webAsset, type WebAssets } from '../web/web-assets.js';
import { WEB_CONTENT_SECURITY_POLICY } from './web.js';

const encoder = new TextEncoder();
const ASSETS: WebAssets = new Map([
  [
    '/',
    webAsset({ urlPath: '/', body: encoder.encode('<!doctype html><title>MediAssist</title>') }),
  ],
  [
    '/assets/index-abc123.js',
    webAsset({ urlPath: '/assets/index-abc123.js', body: encoder.encode('console.log(1)') }),
  ],
]);
const LOCAL_KEY = 'mak_local_clinician_key_for_tests';
const LOOPBACK_SOCKET = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

async function setup(web: { assets?: WebAssets; localClinicianKey?: string } = {}) {
  return createTestApp({
    overrides: {
      web: { assets: web.assets ?? ASSETS, localClinicianKey: web.localClinicianKey },
    },
  });
}

describe('the web app', () => {
  it('serves the page without credentials, with a self-only policy, revalidated on every load', async () => {
    const t = await setup();
    const res = await t.app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(WEB_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>MediAssist</title>');
  });

  it('answers 304 when the browser already has the page', async () => {
    const t = await setup();
    const first = await t.app.request('/');
    const etag = first.headers.get('ETag') ?? '';
    const again = await t.app.request('/', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('caches hashed assets for a year and 404s unknown ones', async () => {
    const t = await setup();
    const res = await t.app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe(HASHED_CACHE_CONTROL);
    expect((await t.app.request('/assets/nope.js')).status).toBe(404);
  });

  it('is 404 with a hint when the app was not built', async () => {
    const t = await createTestApp({
      overrides: { web: { assets: undefined, localClinicianKey: undefined } },
    });
    const res = await t.app.request('/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not built');
  });

  it('keeps the API behind credentials', async () => {
    const t = await setup();
    expect((await t.app.request('/api/v1/kb/search?q=fever')).status).toBe(401);
  });
});

describe('GET /web/local-session', () => {
  const sameOrigin = { Host: 'localhost:3000', 'Sec-Fetch-Site': 'same-origin' };

  it('hands the local clinician key to a same-origin browser on this machine', async () => {
    const t = await setup({ localClinicianKey: LOCAL_KEY });
    const res = await t.app.request('/web/local-session', { headers: sameOrigin }, LOOPBACK_SOCKET);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ apiKey: LOCAL_KEY, role: 'clinician' });
  });

  it.each([
    ['a remote peer', sameOrigin, { incoming: { socket: { remoteAddress: '192.0.2.10' } } }],
    ['an unknown peer', sameOrigin, undefined],
    [
      'a foreign Host (DNS rebinding)',
      { ...sameOrigin, Host: 'evil.example:3000' },
      LOOPBACK_SOCKET,
    ],
    ['a cross-site request', { ...sameOrigin, 'Sec-Fetch-Site': 'cross-site' }, LOOPBACK_SOCKET],
    ['a request without fetch metadata', { Host: 'localhost:3000' }, LOOPBACK_SOCKET],
  ])('is 404 for %s', async (_name, headers, env) => {
    const t = await setup({ localClinicianKey: LOCAL_KEY });
    const res = await t.app.request('/web/local-session', { headers }, env);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(LOCAL_KEY);
  });

  it('is 404 when no local key is configured (production)', async () => {
    const t = await setup();
    const res = await t.app.request('/web/local-session', { headers: sameOrigin }, LOOPBACK_SOCKET);
    expect(res.status).toBe(404);
  });
});
