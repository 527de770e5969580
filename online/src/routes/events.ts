/**
 * `POST /api/v1/events/visit` and `POST /api/v1/events/feedback` (clinician, admin): hand a visit
 * (compact JSON, or a FHIR R4 Bundle per docs/specs/fhir-profile.md) or clinician feedback to the
 * nearline tier, which refreshes the patient's features within seconds. Answers 202 `{ eventId,
 * duplicate }` once the event is durably queued; the event id is the idempotency key (re-sending is
 * safe; the same id with other content is 409 CONFLICT). Source ids are pseudonymised here and go no
 * further; free text is refused, never stored.
 */
import { createRoute } from '@hono/zod-openapi';
import { ErrorBodySchema } from '@mediassist/shared/api';
import { AppError, toAppError } from '@mediassist/shared/errors';
import {
  createEventNormalizer,
  EventAcceptedSchema,
  FeedbackEventInputSchema,
  FhirVisitBundleSchema,
  VisitEventInputSchema,
  type CodedEvent,
  type EventIntake,
  type NormalizerKb,
} from '@mediassist/shared/events';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock.js';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireAccess } from '../middleware/require-role.js';
import { createRouter } from '../router.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface EventsRoutesOptions {
  kb: NormalizerKb;
  /** The nearline intake (`createEventIntake` over the refresh queue); absent → 503. */
  intake: EventIntake | undefined;
  /** Needed to accept EHR patient ids; without it only pseudonyms are accepted. */
  pseudonymKey: PseudonymKey | undefined;
  clock: Clock;
}

const accepted = {
  202: {
    description: 'Queued; features refresh within seconds',
    content: { 'application/json': { schema: EventAcceptedSchema } },
  },
  409: {
    description: 'CONFLICT: this event id was already accepted with other content',
    content: { 'application/json': { schema: ErrorBodySchema } },
  },
};

const MEDIA_TYPES = /^application\/(?:fhir\+)?json(?:\s*;.*)?$/i;

const visit = createRoute({
  method: 'post',
  path: '/visit',
  tags: ['events'],
  summary: 'Record a visit (compact JSON, or a FHIR R4 Bundle as application/fhir+json or JSON)',
  middleware: [requireAccess('events')] as const,
  security: AUTHENTICATED,
  request: {
    body: {
      required: true,
      // Parsed in the handler (a compact event or a Bundle, told apart by `resourceType`), so a
      // failure names paths inside the branch that was meant rather than "matched no branch".
      content: {
        'application/json': {
          schema: {
            oneOf: [
              { $ref: '#/components/schemas/VisitEvent' },
              { $ref: '#/components/schemas/FhirVisitBundle' },
            ],
          },
        },
        'application/fhir+json': { schema: { $ref: '#/components/schemas/FhirVisitBundle' } },
      },
    },
  },
  responses: { ...accepted, ...errorResponses(400, 413, 415, ...AUTHENTICATED_ERRORS, 503) },
});

const feedback = createRoute({
  method: 'post',
  path: '/feedback',
  tags: ['events'],
  summary:
    'Record clinician feedback: a suggestion accepted or dismissed (with a reason code), or the final diagnosis',
  middleware: [requireAccess('events')] as const,
  security: AUTHENTICATED,
  request: {
    body: { required: true, content: { 'application/json': { schema: FeedbackEventInputSchema } } },
  },
  responses: { ...accepted, ...errorResponses(400, 413, 415, ...AUTHENTICATED_ERRORS, 503) },
});

/** A zod schema's named definitions as OpenAPI components (the visit body is documented, not validated, by them). */
function schemaComponents(schema: z.ZodType): Record<string, object> {
  const json = JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  const { $defs = {} } = JSON.parse(json.replaceAll('#/$defs/', '#/components/schemas/')) as {
    $defs?: Record<string, object>;
  };
  return $defs;
}

/** The normaliser's paths are relative to the body; the API's are prefixed with the target. */
function normalized<T>(run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    const error = toAppError(thrown);
    throw new AppError(error.code, error.message, {
      cause: error,
      details: error.details.map((d) => ({
        ...d,
        path: d.path === '(root)' ? 'json' : `json.${d.path}`,
      })),
    });
  }
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (!MEDIA_TYPES.test(c.req.header('content-type') ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json or application/fhir+json');
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Request body is not valid JSON', {
      details: [{ path: 'json', issue: 'invalid_json' }],
    });
  }
}

export function eventsRoutes(options: EventsRoutesOptions) {
  const { intake, clock } = options;
  const normalizer = createEventNormalizer({
    kb: options.kb,
    pseudonymKey: options.pseudonymKey,
    clock: () => new Date(clock.now()),
  });
  const submit = async (c: Context<AppEnv>, event: CodedEvent) => {
    recordPatientAccess(c, event.patientId);
    if (!intake) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', 'The event queue is not configured');
    }
    return intake.submit(event);
  };
  const router = createRouter()
    .openapi(visit, async (c) => {
      const body = await jsonBody(c);
      const event = normalized(() => normalizer.visit(body));
      return c.json(await submit(c, event), 202);
    })
    .openapi(feedback, async (c) => {
      const body = c.req.valid('json');
      const event = normalized(() => normalizer.feedback(body));
      return c.json(await submit(c, event), 202);
    });
  for (const schema of [VisitEventInputSchema, FhirVisitBundleSchema]) {
    for (const [name, component] of Object.entries(schemaComponents(schema))) {
      router.openAPIRegistry.registerComponent('schemas', name, component);
    }
  }
  return router;
}
