/**
 * The patient record the web app opens before a consultation (clinician, admin; every read audited):
 *   GET  /api/v1/patients/{patientId}  by pseudonym
 *   POST /api/v1/patients/lookup       by pseudonym or EHR id (a source id never goes in a URL or a log)
 *   GET  /api/v1/patients/demo         pseudonyms sampled from the online store (local demo data only)
 * A patient with nothing stored is 404; an unreadable store is a 200 whose freshness says `unavailable`.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  DemoPatientsResponseSchema,
  PatientLookupRequestSchema,
  PatientPathSchema,
  PatientSummaryResponseSchema,
  type DemoPatient,
} from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { patientIdOf } from '../assist/patient-id.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireAccess } from '../middleware/require-role.js';
import { routeLabel } from '../middleware/route-label.js';
import { createRouter } from '../router.js';
import type { DemoPatientSource } from '../web/demo-patient-source.js';
import { isUnknownPatient, type PatientSummaries } from '../web/patient-summary.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface PatientsRoutesOptions {
  summaries: PatientSummaries;
  /** Needed to look patients up by EHR id; without it only pseudonyms are accepted. */
  pseudonymKey: PseudonymKey | undefined;
  /** The demo list's source; undefined → `GET /demo` is 404 (production). */
  demo: DemoPatientSource | undefined;
  /** The demo list reads several patients in one request, so it writes their audit records itself. */
  audit: AuditLog;
  clock: Clock;
}

/** Most patients the demo list shows. */
export const DEMO_PATIENT_LIMIT = 12;

const summaryResponses = {
  200: {
    description: 'The stored record with each feature view’s freshness',
    content: { 'application/json': { schema: PatientSummaryResponseSchema } },
  },
};

const demo = createRoute({
  method: 'get',
  path: '/demo',
  tags: ['patients'],
  summary: 'A few demo patients sampled from the online store (local runs only)',
  middleware: [requireAccess('patient')] as const,
  security: AUTHENTICATED,
  responses: {
    200: {
      description: 'Pseudonyms with age, sex and chronic conditions, ordered by pseudonym',
      content: { 'application/json': { schema: DemoPatientsResponseSchema } },
    },
    ...errorResponses(404, ...AUTHENTICATED_ERRORS),
  },
});

const byPseudonym = createRoute({
  method: 'get',
  path: '/{patientId}',
  tags: ['patients'],
  summary: 'One patient’s record: demographics, conditions, medications, care gaps, freshness',
  middleware: [requireAccess('patient')] as const,
  security: AUTHENTICATED,
  request: { params: PatientPathSchema },
  responses: { ...summaryResponses, ...errorResponses(400, 404, ...AUTHENTICATED_ERRORS) },
});

const lookup = createRoute({
  method: 'post',
  path: '/lookup',
  tags: ['patients'],
  summary: 'Find a patient by pseudonym or EHR id (pseudonymised here, never stored or logged)',
  middleware: [requireAccess('patient')] as const,
  security: AUTHENTICATED,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: PatientLookupRequestSchema } },
    },
  },
  responses: { ...summaryResponses, ...errorResponses(400, 404, 415, ...AUTHENTICATED_ERRORS) },
});

export function patientsRoutes(options: PatientsRoutesOptions) {
  const { summaries, pseudonymKey, audit, clock } = options;
  const open = async (c: Context<AppEnv>, patientId: PatientId) => {
    recordPatientAccess(c, patientId);
    const summary = await summaries.summarize(patientId);
    if (isUnknownPatient(summary)) {
      throw new AppError('NOT_FOUND', 'Nothing is stored for this patient');
    }
    return summary;
  };
  const auditListed = (c: Context<AppEnv>, patients: readonly PatientId[]) => {
    const caller = c.get('caller');
    const role = c.get('grantedRole');
    if (caller === undefined || role === undefined) {
      return;
    }
    const at = new Date(clock.now()).toISOString();
    for (const patient of patients) {
      audit.append({
        at,
        caller: caller.subject,
        role,
        patient,
        endpoint: `GET ${routeLabel(c)}`,
        requestId: c.get('requestId'),
        outcome: 'success',
        status: 200,
      });
    }
  };
  return createRouter()
    .openapi(demo, async (c) => {
      if (!options.demo) {
        throw new AppError('NOT_FOUND', 'The demo patient list is off (WEB_DEMO_PATIENTS=false)');
      }
      const source = options.demo;
      const ids = await source.sample(DEMO_PATIENT_LIMIT).catch((cause: unknown) => {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'The online store could not be listed', {
          cause,
        });
      });
      const listed = await Promise.all(
        ids.map(async (id) => ({ id, summary: await summaries.summarize(id) })),
      );
      const shown = listed.filter(
        ({ summary }) => summary.freshness.read === 'ok' && !isUnknownPatient(summary),
      );
      const patients: DemoPatient[] = shown.map(({ summary: s }) => ({
        patientId: s.patientId,
        age: s.age,
        sex: s.sex,
        chronic: s.conditions.chronic.slice(0, 3).map((condition) => condition.display),
        medicationCount: s.medications.known ? s.medications.active.length : null,
      }));
      auditListed(
        c,
        shown.map(({ id }) => id),
      );
      c.header('Cache-Control', 'no-store');
      return c.json({ patients }, 200);
    })
    .openapi(byPseudonym, async (c) => {
      const { patientId } = c.req.valid('param');
      c.header('Cache-Control', 'no-store');
      return c.json(await open(c, patientId), 200);
    })
    .openapi(lookup, async (c) => {
      const { patient } = c.req.valid('json');
      c.header('Cache-Control', 'no-store');
      return c.json(await open(c, patientIdOf(patient, pseudonymKey)), 200);
    });
}
