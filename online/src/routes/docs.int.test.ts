import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDocsAssets } from '../docs/docs-assets.js';
import { createTestApp } from '../testing/test-app.js';

describe('GET /docs with the real Swagger UI files', () => {
  it('serves swagger-ui-dist from node_modules, gzipped on request', async () => {
    const t = await createTestApp({ overrides: { docs: loadDocsAssets() } });
    const bundle = await t.app.request('/docs/assets/swagger-ui-bundle.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('Content-Encoding')).toBe('gzip');
    const js = gunzipSync(Buffer.from(await bundle.arrayBuffer())).toString();
    expect(js).toContain('SwaggerUIBundle');
    for (const file of ['swagger-ui.css', 'favicon-32x32.png', 'docs.css']) {
      expect((await t.app.request(`/docs/assets/${file}`)).status).toBe(200);
    }
  });

  it('starts Swagger UI without the remote validator, against /openapi.json', async () => {
    const t = await createTestApp({ overrides: { docs: loadDocsAssets() } });
    const init = await (await t.app.request('/docs/assets/docs.js')).text();
    expect(init).toContain('validatorUrl: null');
    expect(init).toContain("url: '/openapi.json'");
  });
});
