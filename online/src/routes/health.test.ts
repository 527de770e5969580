import type { ReadinessResponse } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditLog } from '../audit/audit-log.js';
import { createTestApp } from '../testing/test-app.js';

async function readyz(t: Awaited<ReturnType<typeof createTestApp>>) {
  const res = await t.app.request('/readyz');
  return { status: res.status, body: (await res.json()) as ReadinessResponse };
}

describe('GET /healthz', () => {
  it('answers 200 without credentials or dependencies', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('GET /readyz', () => {
  it('is ready in guideline-only mode without Redis or a model, listing each component', async () => {
    const t = await createTestApp();
    expect(await readyz(t)).toEqual({
      status: 200,
      body: {
        status: 'ready',
        mode: 'guideline-only',
        kbVersion: '9.8.7',
        components: {
          kb: { state: 'up', critical: true, version: '9.8.7' },
          audit: { state: 'up', critical: true },
          redis: { state: 'absent', critical: false, reason: 'not-configured' },
          model: { state: 'absent', critical: false, reason: 'not-loaded' },
        },
      },
    });
  });

  it('reports a loaded model and a failed one', async () => {
    const loaded = await createTestApp({
      overrides: { model: { status: () => ({ state: 'loaded', version: 'dx-2026-11-01' }) } },
    });
    expect((await readyz(loaded)).body.components['model']).toEqual({
      state: 'up',
      critical: false,
      version: 'dx-2026-11-01',
    });
    const failed = await createTestApp({
      overrides: { model: { status: () => ({ state: 'failed', reason: 'MODEL_INVALID' }) } },
    });
    const { status, body } = await readyz(failed);
    expect(status).toBe(200);
    expect(body.components['model']).toMatchObject({ state: 'down', reason: 'MODEL_INVALID' });
  });

  it('is unready (503) while the audit log cannot write', async () => {
    const audit = {
      ...createMemoryAuditLog(),
      status: () => ({ state: 'down' as const, pending: 9 }),
    };
    const t = await createTestApp({ overrides: { audit } });
    const { status, body } = await readyz(t);
    expect(status).toBe(503);
    expect(body.status).toBe('unready');
    expect(body.components['audit']).toEqual({
      state: 'down',
      critical: true,
      reason: 'write-failing',
    });
  });

  it('reports draining (503) once shutdown starts, while liveness stays 200', async () => {
    const t = await createTestApp();
    t.deps.lifecycle.startDraining();
    const { status, body } = await readyz(t);
    expect(status).toBe(503);
    expect(body.status).toBe('draining');
    expect((await t.app.request('/healthz')).status).toBe(200);
  });
});
