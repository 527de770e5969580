/** `GET /api/v1/kb/search` (typeahead) and `GET /api/v1/kb/version`; clinician and admin. */
import { createRoute } from '@hono/zod-openapi';
import {
  KbSearchQuerySchema,
  KbSearchResponseSchema,
  KbVersionResponseSchema,
} from '@mediassist/shared/api';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { createKbSearch } from '../kb/kb-search.js';
import { requireAccess } from '../middleware/require-role.js';
import { createRouter } from '../router.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface KbRoutesOptions {
  kb: KnowledgeBase;
}

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['knowledge base'],
  summary: 'Find findings, conditions and drugs by name, synonym, lay term or brand (typeahead)',
  middleware: [requireAccess('kb')] as const,
  security: AUTHENTICATED,
  request: { query: KbSearchQuerySchema },
  responses: {
    200: {
      description: 'Matches, best first',
      content: { 'application/json': { schema: KbSearchResponseSchema } },
    },
    ...errorResponses(400, ...AUTHENTICATED_ERRORS),
  },
});

const version = createRoute({
  method: 'get',
  path: '/version',
  tags: ['knowledge base'],
  summary: 'The knowledge-base content version and entry counts',
  middleware: [requireAccess('kb')] as const,
  security: AUTHENTICATED,
  responses: {
    200: {
      description: 'Version',
      content: { 'application/json': { schema: KbVersionResponseSchema } },
    },
    ...errorResponses(...AUTHENTICATED_ERRORS),
  },
});

export function kbRoutes(options: KbRoutesOptions) {
  const { kb } = options;
  const index = createKbSearch(kb);
  return createRouter()
    .openapi(search, (c) => {
      const query = c.req.valid('query');
      return c.json({ kbVersion: kb.version, results: index.search(query) }, 200);
    })
    .openapi(version, (c) =>
      c.json(
        {
          version: kb.version,
          released: kb.manifest.released,
          description: kb.manifest.description,
          counts: {
            conditions: kb.conditions.length,
            findings: kb.findings.length,
            drugs: kb.drugs.length,
            interactions: kb.interactions.length,
            guidelineRules: kb.guidelineRules.length,
            preventiveServices: kb.preventiveServices.length,
            sources: kb.sources.length,
          },
        },
        200,
      ),
    );
}
