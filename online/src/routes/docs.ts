/** `GET /docs` (Swagger UI, public static files) and `GET /openapi.json` (OpenAPI 3.1; any role). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '@mediassist/shared/errors';
import type { AppEnv } from '../app-env.js';
import type { DocsAssets } from '../docs/docs-assets.js';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_HTML } from '../docs/docs-page.js';
import { requireAccess } from '../middleware/require-role.js';
import { createRouter } from '../router.js';

export type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

export interface DocsRoutesOptions {
  assets: DocsAssets;
  /** Describes the root app (called per request, so routes mounted later are listed too). */
  describe: () => OpenApiDocument;
}

export function docsRoutes(options: DocsRoutesOptions) {
  const { assets, describe } = options;
  const router = createRouter();
  router.get('/openapi.json', requireAccess('apiDocs'), (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(describe());
  });
  router.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    return c.html(DOCS_HTML);
  });
  router.get('/docs/assets/:file', (c) => {
    const asset = assets.get(c.req.param('file'));
    if (!asset) {
      throw new AppError('NOT_FOUND', 'No such asset');
    }
    c.header('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    return c.body(asset.body, 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=3600',
    });
  });
  return router;
}
