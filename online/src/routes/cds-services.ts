/**
 * CDS Hooks 2.0 for EHRs (https://cds-hooks.hl7.org): `GET /cds-services` (discovery, public),
 * `POST /cds-services/{id}` (cards) and `POST /cds-services/{id}/feedback` (outcomes → nearline).
 * Calls authenticate with the EHR's JWT (cds-hooks/cds-authenticate.ts), not with API keys; a
 * verified EHR calls as a clinician, is rate limited per EHR user (cds-hooks/cds-rate-limit.ts),
 * and every chart it opens is audited by pseudonym. Missing data gives a notice card, never a 5xx.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  CdsDiscoveryResponseSchema,
  CdsFeedbackRequestSchema,
  CdsFeedbackResponseSchema,
  CdsHookRequestSchema,
  CdsServiceResponseSchema,
} from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { EventIntake } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import { z } from 'zod';
import type { AssistService } from '../assist/assist-service.js';
import type { CardRegistry } from '../cds-hooks/card-registry.js';
import { cdsAuthenticate, type CdsAuth } from '../cds-hooks/cds-authenticate.js';
import { cdsRateLimit } from '../cds-hooks/cds-rate-limit.js';
import { createCdsHooks } from '../cds-hooks/create-cds-hooks.js';
import type { FhirFetcher } from '../cds-hooks/fhir-fetcher.js';
import { serviceById } from '../cds-hooks/service-catalog.js';
import type { Clock } from '../clock.js';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireAccess } from '../middleware/require-role.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { createRouter } from '../router.js';
import { errorResponses } from './openapi-common.js';

/** What main.ts (or a test) provides for CDS Hooks; app.ts adds the app-wide parts. */
export interface CdsHooksDeps {
  auth: CdsAuth;
  fetcher: FhirFetcher;
  registry: CardRegistry;
  /** The same assist service as `/api/v1/assist` (encounter-start uses it). */
  assist: AssistService;
  pseudonymKey: PseudonymKey;
  /** Deadline for the FHIR reads of one call when prefetch is missing. */
  fhirTimeoutMs: number;
  newId?: () => string;
}

export interface CdsServicesRoutesOptions extends CdsHooksDeps {
  kb: KnowledgeBase;
  logger: Logger;
  clock: Clock;
  rateLimiter: RateLimiter;
  intake: EventIntake | undefined;
}

/** The OpenAPI security scheme of CDS Hooks calls. */
export const CDS_HOOKS_JWT_SCHEME = 'cdsHooksJwt';

const ServiceParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) });

export function cdsServicesRoutes(options: CdsServicesRoutesOptions) {
  const { service, feedback } = createCdsHooks({ ...options, intake: options.intake });
  const authenticated = cdsAuthenticate({ auth: options.auth });
  const limited = cdsRateLimit({ limiter: options.rateLimiter });
  const clinician = requireAccess('cdsHooks');
  const security = [{ [CDS_HOOKS_JWT_SCHEME]: [] }];

  const discovery = createRoute({
    method: 'get',
    path: '/',
    tags: ['cds-hooks'],
    summary: 'CDS Hooks discovery: the services, their hooks and prefetch templates',
    responses: {
      200: {
        description: 'The CDS services',
        content: { 'application/json': { schema: CdsDiscoveryResponseSchema } },
      },
    },
  });

  const call = createRoute({
    method: 'post',
    path: '/{id}',
    tags: ['cds-hooks'],
    summary: 'Call a CDS service (cards for the hook)',
    description:
      'Prefetched FHIR data is used when present, else read from `fhirServer` with `fhirAuthorization`. Data that cannot be read gives an `info` card saying what was not checked. Cards are suggestions, never a diagnosis.',
    middleware: [authenticated, limited, clinician] as const,
    security,
    request: {
      params: ServiceParamsSchema,
      body: { required: true, content: { 'application/json': { schema: CdsHookRequestSchema } } },
    },
    responses: {
      200: {
        description: 'Cards (possibly none)',
        content: { 'application/json': { schema: CdsServiceResponseSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 413, 415, 429, 503),
    },
  });

  const feedbackRoute = createRoute({
    method: 'post',
    path: '/{id}/feedback',
    tags: ['cds-hooks'],
    summary: 'Feedback: cards accepted or overridden (queued for the nearline tier)',
    middleware: [authenticated, limited, clinician] as const,
    security,
    request: {
      params: ServiceParamsSchema,
      body: {
        required: true,
        content: { 'application/json': { schema: CdsFeedbackRequestSchema } },
      },
    },
    responses: {
      200: {
        description: 'Outcomes recorded; card uuids this service did not issue are listed',
        content: { 'application/json': { schema: CdsFeedbackResponseSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 413, 415, 429, 503),
    },
  });

  const router = createRouter()
    .openapi(discovery, (c) => c.json(service.discovery(), 200))
    .openapi(call, async (c) => {
      const request = c.req.valid('json');
      const target = service.target({ serviceId: c.req.valid('param').id, request });
      recordPatientAccess(c, target.patientId);
      return c.json(await service.answer({ target, request }), 200);
    })
    .openapi(feedbackRoute, async (c) => {
      const definition = serviceById(c.req.valid('param').id);
      if (!definition) {
        throw new AppError('NOT_FOUND', 'No such CDS service');
      }
      const result = await feedback.record({ serviceId: definition.id, body: c.req.valid('json') });
      const [patient] = result.patients;
      if (patient !== undefined) {
        recordPatientAccess(c, patient);
      }
      return c.json(result.response, 200);
    });
  router.openAPIRegistry.registerComponent('securitySchemes', CDS_HOOKS_JWT_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'CDS Hooks: a JWT signed by a trusted EHR (asymmetric key; `aud` = the endpoint URL, `jti` used once)',
  });
  return router;
}
