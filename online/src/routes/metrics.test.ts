import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

describe('GET /metrics', () => {
  it('exposes the per-route latency histogram, request and error counters, and fallbacks', async () => {
    const t = await createTestApp();
    await t.app.request('/api/v1/kb/search?q=fever', { headers: t.as('clinician') });
    await t.app.request('/api/v1/kb/search?q=', { headers: t.as('clinician') });
    await t.app.request('/api/v1/no/such/route/pt_123', { headers: t.as('clinician') });
    const res = await t.app.request('/metrics', { headers: t.as('data-scientist') });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /mediassist_http_request_duration_seconds_bucket\{le="0\.3",method="GET",route="\/api\/v1\/kb\/search",status="200"\} 1/,
    );
    expect(text).toContain(
      'mediassist_http_requests_total{method="GET",route="/api/v1/kb/search",status="400"} 1',
    );
    expect(text).toContain(
      'mediassist_http_errors_total{route="/api/v1/kb/search",code="VALIDATION_FAILED"} 1',
    );
    // Unknown paths share one label: no path (and no id in it) becomes a series.
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('pt_123');
    expect(text).toContain('mediassist_fallback_total{reason="model-absent"} 0');
  });

  it('is refused to clinicians', async () => {
    const t = await createTestApp();
    expect((await t.app.request('/metrics', { headers: t.as('clinician') })).status).toBe(403);
  });

  it('counts a fallback the assist route reports', async () => {
    const t = await createTestApp();
    t.deps.metrics.fallbacks.inc({ reason: 'features-missing' });
    const text = await (await t.app.request('/metrics', { headers: t.as('admin') })).text();
    expect(text).toContain('mediassist_fallback_total{reason="features-missing"} 1');
  });
});
