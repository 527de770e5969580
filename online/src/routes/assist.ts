/**
 * `POST /api/v1/assist` (clinician, admin): the differential, next questions, guideline tests,
 * interactions, care gaps and provenance for one patient. Every patient access is audited. Failures
 * behind the service (feature store, model) give a `guidelines-only` answer with 200, never a 5xx.
 */
import { createRoute } from '@hono/zod-openapi';
import { AssistRequestSchema, AssistResponseSchema } from '@mediassist/shared/api';
import type { AssistService } from '../assist/assist-service.js';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireAccess } from '../middleware/require-role.js';
import { frameJson } from '../middleware/response-frame.js';
import { createRouter } from '../router.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface AssistRoutesOptions {
  service: AssistService;
}

const assist = createRoute({
  method: 'post',
  path: '/',
  tags: ['assist'],
  summary: 'Differential suggestions, next questions, tests, interactions and care gaps',
  description:
    'Suggestions support a clinician’s judgement and are never a diagnosis. The answer says which tier produced it (`provenance.tier`) and why any component was degraded.',
  middleware: [requireAccess('assist')] as const,
  security: AUTHENTICATED,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: AssistRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The answer, from the model and guidelines or from guidelines alone',
      content: { 'application/json': { schema: AssistResponseSchema } },
    },
    ...errorResponses(400, 413, 415, ...AUTHENTICATED_ERRORS, 503),
  },
});

export function assistRoutes(options: AssistRoutesOptions) {
  const { service } = options;
  return createRouter().openapi(assist, async (c) => {
    const request = c.req.valid('json');
    const patientId = service.patientId(request.patient);
    recordPatientAccess(c, patientId);
    return frameJson(c, await service.assist({ request, patientId }), 200);
  });
}
