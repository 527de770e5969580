import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';
import { publicPathMatcher } from './authenticate.js';

const VERSION = '/api/v1/kb/version';

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('authenticate (through the app)', () => {
  it('accepts a valid API key in X-API-Key', async () => {
    const t = await createTestApp();
    const res = await t.app.request(VERSION, { headers: t.as('clinician') });
    expect(res.status).toBe(200);
  });

  it('accepts an API key sent as a bearer token', async () => {
    const t = await createTestApp();
    const res = await t.app.request(VERSION, {
      headers: { Authorization: `Bearer ${t.keys.clinician}` },
    });
    expect(res.status).toBe(200);
  });

  it('refuses an unknown API key with 401, never echoing it', async () => {
    const t = await createTestApp();
    const res = await t.app.request(VERSION, { headers: { 'X-API-Key': 'mak_not-a-real-key' } });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).not.toContain('not-a-real-key');
    expect(t.logText()).not.toContain('not-a-real-key');
  });

  it('refuses a request without credentials with 401', async () => {
    const t = await createTestApp();
    expect((await t.app.request(VERSION)).status).toBe(401);
  });

  it('refuses a valid key whose role may not call the route with 403', async () => {
    const t = await createTestApp();
    const res = await t.app.request(VERSION, { headers: t.as('data-scientist') });
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('FORBIDDEN');
  });

  it('lets admin call clinician and data-scientist routes', async () => {
    const t = await createTestApp();
    expect((await t.app.request(VERSION, { headers: t.as('admin') })).status).toBe(200);
    expect((await t.app.request('/metrics', { headers: t.as('admin') })).status).toBe(200);
  });

  it('accepts a valid HS256 JWT and uses its subject and roles', async () => {
    const t = await createTestApp();
    const token = await t.jwt({ sub: 'dr-1234', roles: ['clinician'] });
    const res = await t.app.request(VERSION, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(t.logs().at(-1)).toMatchObject({ caller: 'dr-1234', status: 200 });
  });

  it('refuses an expired JWT with 401 "Token expired"', async () => {
    const t = await createTestApp();
    const token = await t.jwt({ sub: 'dr-1234', roles: ['clinician'] }, { expiresInSec: 60 });
    t.clock.advance(61_000 + 5_000);
    const res = await t.app.request(VERSION, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Token expired',
    );
  });

  it('refuses a JWT signed with another secret with 401', async () => {
    const t = await createTestApp();
    const token = await t.jwt(
      { sub: 'dr-1234', roles: ['admin'] },
      { secret: 'an-attacker-chosen-secret-0123456789' },
    );
    const res = await t.app.request(VERSION, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Token not valid',
    );
  });

  it('gives a JWT without a known role 403, not 200', async () => {
    const t = await createTestApp();
    const token = await t.jwt({ sub: 'dr-1234', roles: ['superuser'] });
    const res = await t.app.request(VERSION, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });

  it('does not authenticate public paths (health probes)', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/healthz', { headers: { 'X-API-Key': 'mak_wrong' } });
    expect(res.status).toBe(200);
  });
});

describe('publicPathMatcher', () => {
  const isPublic = publicPathMatcher(['/healthz', '/docs', '/docs/*']);

  it('matches exact paths and prefixes, nothing else', () => {
    expect(isPublic('/healthz')).toBe(true);
    expect(isPublic('/docs')).toBe(true);
    expect(isPublic('/docs/assets/x.js')).toBe(true);
    expect(isPublic('/healthz/')).toBe(false);
    expect(isPublic('/docsx')).toBe(false);
    expect(isPublic('/api/v1/kb/search')).toBe(false);
  });
});
