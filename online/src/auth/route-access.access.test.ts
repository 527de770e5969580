/**
 * Access control, table-driven over the whole HTTP surface: every (route × caller) combination is
 * tried; each forbidden one is refused (401 without credentials, 403 with a role the route does not
 * accept) and each allowed one is not. A route missing from the table fails the suite, so a new
 * endpoint must be classified here. Refusals on patient routes are audited (ids only).
 */
import { ROLES, type Role } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PATHS } from '../app.js';
import { publicPathMatcher } from '../middleware/authenticate.js';
import { ANONYMOUS_CALLER } from '../middleware/audit-refusals.js';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createAttackApp } from '../testing/attack-app.js';
import { createManualClock } from '../testing/manual-clock.js';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.js';

const PSEUDONYM = `pt_${'c'.repeat(32)}`;

interface RouteCase {
  /** `METHOD /pattern` as Hono lists it. */
  route: string;
  entry: RouteAccess;
  /** The concrete path requested. */
  path: string;
}

/** Every authenticated route of the app, with the ROUTE_ACCESS entry that guards it. */
const ROUTES: readonly RouteCase[] = [
  { route: 'GET /metrics', entry: 'metrics', path: '/metrics' },
  { route: 'GET /api/v1/kb/search', entry: 'kb', path: '/api/v1/kb/search?q=fev' },
  { route: 'GET /api/v1/kb/version', entry: 'kb', path: '/api/v1/kb/version' },
  { route: 'POST /api/v1/assist', entry: 'assist', path: '/api/v1/assist' },
  { route: 'POST /api/v1/summarize', entry: 'summarize', path: '/api/v1/summarize' },
  { route: 'POST /api/v1/events/visit', entry: 'events', path: '/api/v1/events/visit' },
  { route: 'POST /api/v1/events/feedback', entry: 'events', path: '/api/v1/events/feedback' },
  { route: 'GET /api/v1/patients/demo', entry: 'patient', path: '/api/v1/patients/demo' },
  {
    route: 'GET /api/v1/patients/:patientId',
    entry: 'patient',
    path: `/api/v1/patients/${PSEUDONYM}`,
  },
  { route: 'POST /api/v1/patients/lookup', entry: 'patient', path: '/api/v1/patients/lookup' },
  { route: 'GET /openapi.json', entry: 'apiDocs', path: '/openapi.json' },
];

type CallerKind = Role | 'anonymous' | 'no-role';
const CALLERS: readonly CallerKind[] = [...ROLES, 'anonymous', 'no-role'];

function expectedStatus(entry: RouteAccess, caller: CallerKind): 401 | 403 | 'allowed' {
  if (caller === 'anonymous') {
    return 401;
  }
  if (caller === 'no-role') {
    return 403;
  }
  return (ROUTE_ACCESS[entry] as readonly Role[]).includes(caller) ? 'allowed' : 403;
}

async function setup() {
  const t = await createAttackApp();
  const noRole = await t.jwt({ sub: 'no-role-user', roles: [] });
  const headersFor = (caller: CallerKind): Record<string, string> =>
    caller === 'anonymous'
      ? {}
      : caller === 'no-role'
        ? { Authorization: `Bearer ${noRole}` }
        : t.as(caller);
  const call = (c: RouteCase, caller: CallerKind) => {
    const method = c.route.split(' ')[0] ?? 'GET';
    return t.app.request(c.path, {
      method,
      headers: { ...headersFor(caller), 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
  };
  return { t, call, headersFor };
}

describe('access control: the route table covers the app', () => {
  it('lists every authenticated route of the app (a new route must be classified)', async () => {
    const { t } = await setup();
    const isPublic = publicPathMatcher(PUBLIC_PATHS);
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && !isPublic(r.path))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect([...mounted].sort()).toEqual(ROUTES.map((r) => r.route).sort());
  });
});

describe('access control: every (route × caller) combination', () => {
  const cases = ROUTES.flatMap((route) =>
    CALLERS.map((caller) => ({ ...route, caller, expected: expectedStatus(route.entry, caller) })),
  );

  let shared: ReturnType<typeof setup> | undefined;
  it.each(cases)('$route as $caller → $expected', async (c) => {
    shared ??= setup();
    const { call } = await shared;
    const res = await call(c, c.caller);
    if (c.expected === 'allowed') {
      expect(res.status).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(c.expected);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe(c.expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it('refuses forbidden roles for the clinician-only work and the data-scientist-only metrics', () => {
    // The table itself, read as the policy: a regression that widens a role fails here.
    expect(ROUTE_ACCESS.assist).toEqual(['clinician', 'admin']);
    expect(ROUTE_ACCESS.summarize).toEqual(['clinician', 'admin']);
    expect(ROUTE_ACCESS.events).toEqual(['clinician', 'admin']);
    expect(ROUTE_ACCESS.patient).toEqual(['clinician', 'admin']);
    expect(ROUTE_ACCESS.metrics).toEqual(['data-scientist', 'admin']);
    expect(ROUTE_ACCESS.offlineJobs).toEqual(['data-scientist', 'admin']);
    expect(ROUTE_ACCESS.registry).toEqual(['admin']);
    expect(ROUTE_ACCESS.queues).toEqual(['admin']);
  });

  it('refuses an invalid key, an expired token and a token signed with another secret (401)', async () => {
    const { t } = await setup();
    const expired = await t.jwt({ sub: 'u', roles: ['admin'] }, { expiresInSec: -10 });
    const forged = await t.jwt({ sub: 'u', roles: ['admin'] }, { secret: 'x'.repeat(40) });
    const attempts: Record<string, string>[] = [
      { 'X-API-Key': 'mak_not-a-real-key' },
      { Authorization: `Bearer ${expired}` },
      { Authorization: `Bearer ${forged}` },
      { Authorization: 'Bearer ' },
      { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    ];
    for (const headers of attempts) {
      const res = await t.app.request('/metrics', { headers });
      expect(res.status).toBe(401);
    }
  });
});

describe('access control: CDS Hooks services accept only an EHR JWT', () => {
  const paths = ['mediassist-patient-view', 'mediassist-patient-view/feedback'];

  it.each(paths)(
    'POST /cds-services/%s refuses anonymous calls and API keys of every role',
    async (p) => {
      const { t, headersFor } = await setup();
      for (const caller of CALLERS) {
        const res = await t.app.request(`/cds-services/${p}`, {
          method: 'POST',
          headers: { ...headersFor(caller), 'Content-Type': 'application/json' },
          body: '{}',
        });
        expect({ caller, status: res.status }).toEqual({ caller, status: 401 });
      }
      const token = await t.ehrToken(p);
      const ehr = await t.app.request(`/cds-services/${p}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect([401, 403]).not.toContain(ehr.status);
    },
  );

  it('serves discovery and health without credentials', async () => {
    const { t } = await setup();
    for (const path of ['/cds-services', '/healthz', '/readyz']) {
      expect((await t.app.request(path)).status).toBe(200);
    }
  });
});

describe('access control: refused access to a patient is audited (ids only)', () => {
  it('records a 403 with the caller and the pseudonym named in the path', async () => {
    const { t, headersFor } = await setup();
    const res = await t.app.request(`/api/v1/patients/${PSEUDONYM}`, {
      headers: headersFor('data-scientist'),
    });
    expect(res.status).toBe(403);
    expect(t.audit.records).toEqual([
      expect.objectContaining({
        caller: 'test-data-scientist',
        role: 'data-scientist',
        patient: PSEUDONYM,
        endpoint: 'GET /api/v1/patients/:patientId',
        outcome: 'denied',
        status: 403,
      }),
    ]);
  });

  it('records a 401 as anonymous, and a refused body route without reading the body', async () => {
    const { t, headersFor } = await setup();
    await t.app.request(`/api/v1/patients/${PSEUDONYM}`);
    await t.app.request('/api/v1/assist', {
      method: 'POST',
      headers: { ...headersFor('data-scientist'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ patient: { sourceId: 'MRN-0042' }, text: 'Jane Doe has a cough' }),
    });
    expect(t.audit.records).toEqual([
      expect.objectContaining({ caller: ANONYMOUS_CALLER, patient: PSEUDONYM, status: 401 }),
      expect.objectContaining({ caller: 'test-data-scientist', endpoint: 'POST /api/v1/assist' }),
    ]);
    expect(t.audit.records[0]).not.toHaveProperty('role');
    expect(t.audit.records[1]).not.toHaveProperty('patient');
    expect(JSON.stringify(t.audit.records)).not.toMatch(/MRN-0042|Jane/);
  });

  it('does not audit refusals on routes that concern no patient', async () => {
    const { t, headersFor } = await setup();
    expect((await t.app.request('/metrics', { headers: headersFor('clinician') })).status).toBe(
      403,
    );
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect(t.audit.records).toEqual([]);
  });
});

describe('rate limiting per caller', () => {
  it('refuses a caller past its budget (429, Retry-After) while another caller is still served', async () => {
    const clock = createManualClock();
    const limiter = createMemoryRateLimiter({ policy: { capacity: 3, refillPerSecond: 1 }, clock });
    const t = await createAttackApp({ rateLimiter: limiter });
    const get = (role: Role) => t.app.request('/api/v1/kb/version', { headers: t.as(role) });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await get('clinician')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await get('clinician');
    expect(limited.headers.get('Retry-After')).toBe('1');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await get('admin')).status).toBe(200);
    clock.advance(1_000);
    expect((await get('clinician')).status).toBe(200);
    expect((await get('clinician')).status).toBe(429);
  });
});
