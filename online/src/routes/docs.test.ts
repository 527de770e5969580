import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string }[] }>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route with its security and schemas', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/openapi.json', { headers: t.as('clinician') });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/assist',
      '/api/v1/events/feedback',
      '/api/v1/events/visit',
      '/api/v1/kb/search',
      '/api/v1/kb/version',
      '/healthz',
      '/metrics',
      '/readyz',
    ]);
    expect(doc.paths['/healthz']?.['get']?.security).toEqual([]);
    expect(doc.paths['/api/v1/kb/search']?.['get']?.security).toEqual([
      { apiKey: [] },
      { bearer: [] },
    ]);
    expect(doc.paths['/api/v1/kb/search']?.['get']?.parameters?.map((p) => p.name)).toEqual([
      'q',
      'type',
      'limit',
    ]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['apiKey', 'bearer']);
    expect(doc.components.schemas).toHaveProperty('ErrorBody');
    expect(doc.components.schemas).toHaveProperty('KbSearchResponse');
    // A drug found by a synonym says which kind of name matched (optional, since KB 0.5.1).
    expect(doc.components.schemas['KbSearchHit']).toMatchObject({
      properties: {
        synonymKind: { enum: ['international', 'former', 'compound', 'abbreviation'] },
      },
    });
    expect(doc.components.schemas['KbSearchHit']).not.toHaveProperty(
      'required',
      expect.arrayContaining(['synonymKind']),
    );
  });

  it('needs credentials', async () => {
    const t = await createTestApp();
    expect((await t.app.request('/openapi.json')).status).toBe(401);
  });
});

describe('GET /docs', () => {
  it('serves the page with a CSP that allows nothing remote', async () => {
    const t = await createTestApp();
    const page = await t.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).toContain('/docs/assets/docs.js');
    expect(html).not.toMatch(/https?:\/\//);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('serves its assets with their content type, publicly cacheable', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/docs/assets/docs.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('answers 404 for an asset it does not have', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/docs/assets/..%2F..%2Fpackage.json');
    expect(res.status).toBe(404);
  });
});
