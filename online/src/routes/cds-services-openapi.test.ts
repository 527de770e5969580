import { describe, expect, it } from 'vitest';
import { createCdsTestApp } from '../cds-hooks/testing/cds-test-app.js';

describe('CDS Hooks in the OpenAPI document', () => {
  it('lists discovery, service and feedback routes with the EHR JWT scheme', async () => {
    const t = await createCdsTestApp();
    const res = await t.app.request('/openapi.json', { headers: t.as('admin') });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/cds-services',
        '/cds-services/{id}',
        '/cds-services/{id}/feedback',
      ]),
    );
    expect(doc.paths['/cds-services/{id}']?.['post']?.security).toEqual([{ cdsHooksJwt: [] }]);
    expect(doc.components.securitySchemes['cdsHooksJwt']).toMatchObject({ bearerFormat: 'JWT' });
  });
});
