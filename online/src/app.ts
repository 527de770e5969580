/**
 * `createApp(deps)`: the online service as a Hono app. It never listens — main.ts serves it and
 * tests call `app.request()`. Middleware order: response frame (request id, Vary, security headers)
 * → metrics → request log → compression → CORS (answers preflights) → audit of refused patient access → authentication (deny by default) → rate limit →
 * body limit → patient-access audit → routes (each with `requireAccess`), then one error handler.
 */
import { AppError } from '@mediassist/shared/errors';
import type { EventIntake } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { Logger } from '@mediassist/shared/logger';
import type { TextExtractor } from '@mediassist/shared/text';
import { createAssistService, type AssistService } from './assist/assist-service.js';
import type { AuditLog } from './audit/audit-log.js';
import type { Authenticator } from './auth/caller.js';
import type { Clock } from './clock.js';
import type { DocsAssets } from './docs/docs-assets.js';
import { createErrorHandlers } from './errors/error-handler.js';
import type { ModelStatusSource } from './health/model-status.js';
import { createReadiness, type RedisPing } from './health/readiness.js';
import { auditAccess } from './middleware/audit-access.js';
import { auditRefusals } from './middleware/audit-refusals.js';
import { authenticate, publicPathMatcher } from './middleware/authenticate.js';
import { bodyLimit } from './middleware/body-limit.js';
import { httpMetrics } from './middleware/http-metrics.js';
import { compression, corsForBrowsers } from './middleware/negotiated-headers.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLogger } from './middleware/request-logger.js';
import { responseFrame } from './middleware/response-frame.js';
import type { Metrics } from './metrics/metrics.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { createRouter } from './router.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { kbRoutes } from './routes/kb.js';
import { metricsRoutes } from './routes/metrics.js';
import { API_KEY_SCHEME, BEARER_SCHEME } from './routes/openapi-common.js';
import { assistRoutes } from './routes/assist.js';
import { summarizeRoutes } from './routes/summarize.js';
import { eventsRoutes } from './routes/events.js';
import { cdsServicesRoutes, type CdsHooksDeps } from './routes/cds-services.js';
import { patientsRoutes } from './routes/patients.js';
import { WEB_PUBLIC_PATHS, webRoutes } from './routes/web.js';
import { ADMIN_QUEUES_PATH, adminQueuesRoutes } from './routes/admin-queues.js';
import type { Queue } from 'bullmq';
import type { DemoPatientSource } from './web/demo-patient-source.js';
import type { PatientSummaries } from './web/patient-summary.js';
import type { WebAssets } from './web/web-assets.js';
import type { Lifecycle } from './server/lifecycle.js';

/** The version of the HTTP contract (`/api/v1`), shown in the OpenAPI document. */
export const API_VERSION = '1.0.0';

/** Paths served without credentials. Everything else needs an API key or a bearer JWT. */
export const PUBLIC_PATHS = [
  '/healthz',
  '/readyz',
  '/docs',
  '/docs/*',
  ...WEB_PUBLIC_PATHS,
  // CDS Hooks: discovery is public per the specification; service and feedback calls verify the
  // EHR's JWT in their own router (routes/cds-services.ts) instead of API keys.
  '/cds-services',
  '/cds-services/*',
] as const;

export interface AppConfig {
  /** Browser origins allowed by CORS (the web app's dev server; same-origin needs none). */
  corsOrigins: readonly string[];
  /** Largest accepted request body; larger → 413 PAYLOAD_TOO_LARGE. */
  bodyLimitBytes: number;
  /** Deadline for the readiness Redis ping. */
  readinessPingTimeoutMs: number;
}

/**
 * Everything the app needs, created by main.ts (or a test). Later routes add fields here; keep
 * each one an interface, never a driver, so tests can pass in-memory implementations.
 */
export interface AppDeps {
  /** The validated knowledge base (`loadKnowledgeBase()`); its version is in every KB-based answer. */
  kb: KnowledgeBase;
  /** pino (`createLogger`): ids and codes only, never PHI. */
  logger: Logger;
  /** Metrics on a registry main.ts owns (never prom-client's global one). */
  metrics: Metrics;
  /** API keys (hashed) and, when configured, bearer JWTs. */
  auth: Authenticator;
  /** Patient-access audit log; handlers call `recordPatientAccess(c, patientId)`. */
  audit: AuditLog;
  /** Per-caller token buckets (Redis with a local fallback in production). */
  rateLimiter: RateLimiter;
  /** Redis, for the readiness ping only (feature reads go through the feature store). */
  redis?: RedisPing | undefined;
  /** The diagnosis model's load state, for readiness; absent until the assist route adds it. */
  model?: ModelStatusSource | undefined;
  /** `POST /api/v1/assist` (main.ts wires features and models); default: guidelines only. */
  assist?: AssistService | undefined;
  /** Serving or draining (set by main.ts on SIGTERM/SIGINT). */
  lifecycle: Lifecycle;
  clock: Clock;
  config: AppConfig;
  /** Swagger UI files for `/docs` (`loadDocsAssets()`). */
  docs: DocsAssets;
  /**
   * The clinical text extractor over `kb` (`createTextExtractor({ kb })`, built once: ~0.2–0.6 s).
   * `POST /api/v1/summarize` is mounted only when it is given.
   */
  textExtractor?: TextExtractor | undefined;
  /** The nearline intake behind `POST /api/v1/events/*` (main.ts: over the refresh queue); absent → 503. */
  eventIntake?: EventIntake | undefined;
  /** Pseudonymises EHR patient ids in events; absent → events must name patients by pseudonym. */
  pseudonymKey?: PseudonymKey | undefined;
  /** CDS Hooks for EHRs at `/cds-services` (EHR JWTs, FHIR access, issued cards); absent → not mounted. */
  cdsHooks?: CdsHooksDeps | undefined;
  /** The patient record behind `/api/v1/patients/*` (web app); the routes are mounted only when given. */
  patientSummaries?: PatientSummaries | undefined;
  /** Demo patients sampled from the online store (local runs); absent → `GET /api/v1/patients/demo` is 404. */
  demoPatients?: DemoPatientSource | undefined;
  /** The doctor's web app at `/` (`loadWebAssets`) and the local key it may pre-fill (local runs only). */
  web?: { assets: WebAssets | undefined; localClinicianKey: string | undefined } | undefined;
  /** BullMQ queues shown at `/admin/queues` (admin role); absent → not mounted. */
  queues?: readonly Queue[] | undefined;
}

export function createApp(deps: AppDeps) {
  const { kb, logger, metrics, auth, audit, rateLimiter, clock, config } = deps;
  const app = createRouter();
  const { onError, notFound } = createErrorHandlers({ logger });
  app.onError(onError);
  app.notFound(notFound);

  // Request id, Vary and the security headers (routes that serve pages set their own CSP).
  app.use(responseFrame({ maxRequestIdLength: 64 }));
  app.use(httpMetrics({ metrics }));
  app.use(requestLogger({ logger }));
  app.use(compression());
  app.use(
    corsForBrowsers({
      origin: [...config.corsOrigins],
      allowHeaders: ['Authorization', 'X-API-Key', 'Content-Type', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(auditRefusals({ audit, clock }));
  app.use(authenticate({ auth, isPublic: publicPathMatcher(PUBLIC_PATHS) }));
  app.use(rateLimit({ limiter: rateLimiter }));
  app.use(
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: () => {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `Request body exceeds ${String(config.bodyLimitBytes)} bytes`,
        );
      },
    }),
  );
  app.use(auditAccess({ audit, clock }));

  app.openAPIRegistry.registerComponent('securitySchemes', API_KEY_SCHEME, {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'A JWT (HS256/RS256 with `sub` and `roles`) or an API key',
  });

  const readiness = createReadiness({
    kb,
    audit,
    lifecycle: deps.lifecycle,
    redis: deps.redis,
    model: deps.model,
    pingTimeoutMs: config.readinessPingTimeoutMs,
  });
  app.route('/', healthRoutes({ readiness }));
  app.route('/', metricsRoutes({ metrics }));
  app.route('/api/v1/kb', kbRoutes({ kb }));
  app.route(
    '/api/v1/assist',
    assistRoutes({ service: deps.assist ?? createAssistService({ kb, logger, metrics, clock }) }),
  );
  if (deps.textExtractor) {
    app.route('/api/v1', summarizeRoutes({ extractor: deps.textExtractor, kb, clock }));
  }
  app.route(
    '/api/v1/events',
    eventsRoutes({ kb, intake: deps.eventIntake, pseudonymKey: deps.pseudonymKey, clock }),
  );
  if (deps.cdsHooks) {
    app.route(
      '/cds-services',
      cdsServicesRoutes({
        ...deps.cdsHooks,
        kb,
        logger,
        clock,
        rateLimiter,
        intake: deps.eventIntake,
      }),
    );
  }
  if (deps.patientSummaries) {
    app.route(
      '/api/v1/patients',
      patientsRoutes({
        summaries: deps.patientSummaries,
        pseudonymKey: deps.pseudonymKey,
        demo: deps.demoPatients,
        audit,
        clock,
      }),
    );
  }
  if (deps.queues) {
    app.route(ADMIN_QUEUES_PATH, adminQueuesRoutes({ queues: deps.queues }));
  }
  app.route(
    '/',
    webRoutes({
      assets: deps.web?.assets,
      localClinicianKey: deps.web?.localClinicianKey,
    }),
  );
  app.route(
    '/',
    docsRoutes({
      assets: deps.docs,
      describe: () =>
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'MediAssist API',
            version: API_VERSION,
            description:
              'Clinical decision support for primary care. Suggestions support a clinician’s judgement; they are never a diagnosis.',
          },
        }),
    }),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;
