import { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditLog } from '../audit/audit-log.js';
import { createTestApp } from '../testing/test-app.js';
import { testRoutes } from '../testing/test-routes.js';

const PATIENT = `pt_${'b'.repeat(32)}`;

async function appWithTestRoutes(overrides = {}) {
  const t = await createTestApp({ overrides });
  t.app.route('/api/v1/test', testRoutes());
  return t;
}

function echo(headers: Record<string, string>, body: unknown) {
  return {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

describe('auditAccess (through the app)', () => {
  it('records a patient access with ids only', async () => {
    const t = await appWithTestRoutes();
    const note = 'Jane Doe, 12 Elm Street, reports chest pain';
    const res = await t.app.request(
      '/api/v1/test/echo',
      echo(t.as('clinician'), { patient: PATIENT, note, age: 40 }),
    );
    expect(res.status).toBe(200);
    expect(t.audit.records).toEqual([
      {
        at: '2026-11-22T10:00:00.000Z',
        caller: 'test-clinician',
        role: 'clinician',
        patient: PATIENT,
        endpoint: 'POST /api/v1/test/echo',
        requestId: res.headers.get('X-Request-Id'),
        outcome: 'success',
        status: 200,
      },
    ]);
    expect(JSON.stringify(t.audit.records)).not.toMatch(/Jane|Elm|chest/);
    expect(t.logText()).not.toMatch(/Jane|Elm|chest/);
  });

  it('records the outcome when the handler fails after identifying the patient', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request(`/api/v1/test/patients/${PATIENT}`, {
      headers: t.as('clinician'),
    });
    expect(res.status).toBe(404);
    expect(t.audit.records).toMatchObject([
      { patient: PATIENT, endpoint: 'GET /api/v1/test/patients/:patient', outcome: 'not-found' },
    ]);
  });

  it('writes nothing for requests that touch no patient', async () => {
    const t = await appWithTestRoutes();
    await t.app.request('/api/v1/kb/version', { headers: t.as('clinician') });
    expect(t.audit.records).toEqual([]);
  });

  it('turns the response into 503 when the audit store refuses the record', async () => {
    const audit = createMemoryAuditLog();
    const refusing = {
      ...audit,
      append: () => {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'Audit log is not accepting records');
      },
    };
    const t = await appWithTestRoutes({ audit: refusing });
    const res = await t.app.request(
      '/api/v1/test/echo',
      echo(t.as('clinician'), { patient: PATIENT, note: 'x', age: 1 }),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'DEPENDENCY_UNAVAILABLE',
    );
  });
});
