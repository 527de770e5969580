import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { PHI_LIKE_CRASH, testRoutes } from '../testing/test-routes.js';

const PATIENT = `pt_${'a'.repeat(32)}`;

async function appWithTestRoutes(): Promise<TestApp> {
  const t = await createTestApp();
  t.app.route('/api/v1/test', testRoutes());
  return t;
}

async function errorOf(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; requestId: string; details?: unknown };
  };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
  return body.error;
}

function post(t: TestApp, body: string, contentType = 'application/json') {
  return t.app.request('/api/v1/test/echo', {
    method: 'POST',
    headers: { ...t.as('clinician'), 'Content-Type': contentType },
    body,
  });
}

describe('error responses', () => {
  it('400 VALIDATION_FAILED names the failing paths and issue codes but never the values', async () => {
    const t = await appWithTestRoutes();
    const res = await post(t, JSON.stringify({ patient: 'Jane Doe', note: 'x', age: 'forty' }));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { path: 'json.patient', issue: 'invalid_format' },
        { path: 'json.age', issue: 'invalid_type' },
      ],
    });
    expect(JSON.stringify(error)).not.toMatch(/Jane|forty/);
    expect(t.logText()).not.toMatch(/Jane|forty/);
  });

  it('400 VALIDATION_FAILED for malformed JSON, without quoting the body', async () => {
    const t = await appWithTestRoutes();
    const res = await post(t, '{"note": "Jane Doe has chest pain"');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('VALIDATION_FAILED');
    expect(t.logText()).not.toContain('Jane');
  });

  it('400 VALIDATION_FAILED for a bad query parameter', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request('/api/v1/kb/search?q=fev&limit=500', {
      headers: t.as('clinician'),
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'query.limit', issue: 'too_big' }],
    });
  });

  it('401 UNAUTHENTICATED with WWW-Authenticate when no credentials are sent', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request('/api/v1/kb/version');
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="mediassist"');
    expect(await errorOf(res)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Authentication required',
    });
  });

  it('403 FORBIDDEN for a role the route does not allow', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request('/api/v1/kb/version', { headers: t.as('data-scientist') });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('FORBIDDEN');
  });

  it('404 NOT_FOUND for an unknown route (after authentication), without echoing the path', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request('/api/v1/patients/Jane-Doe', { headers: t.as('clinician') });
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(error)).not.toContain('Jane');
  });

  it('413 PAYLOAD_TOO_LARGE for a body over the limit', async () => {
    const t = await appWithTestRoutes();
    const note = 'x'.repeat(2048);
    const res = await post(t, JSON.stringify({ patient: PATIENT, note, age: 40 }));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body exceeds 1024 bytes',
    });
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON', async () => {
    const t = await appWithTestRoutes();
    const res = await post(t, 'patient=Jane', 'text/plain');
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('500 INTERNAL hides the message and stack, and logs the error without its message', async () => {
    const t = await appWithTestRoutes();
    const res = await t.app.request('/api/v1/test/boom', { headers: t.as('clinician') });
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error).toEqual({
      code: 'INTERNAL',
      message: 'Internal error',
      requestId: res.headers.get('X-Request-Id'),
    });
    const logged = t.logs().find((l) => l['msg'] === 'request failed');
    expect(logged).toMatchObject({
      requestId: error.requestId,
      code: 'INTERNAL',
      error: { type: 'TypeError', frames: expect.stringContaining('at ') as unknown },
    });
    expect(t.logText()).not.toContain(PHI_LIKE_CRASH);
    expect(t.logText()).not.toContain('Jane');
  });

  it('accepts a valid body (the control for the cases above)', async () => {
    const t = await appWithTestRoutes();
    const res = await post(t, JSON.stringify({ patient: PATIENT, note: 'ok', age: 40 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
  });
});
