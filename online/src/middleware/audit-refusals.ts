/**
 * Audits refused access to patient routes. A 401/403 is decided before any handler learns the
 * patient, so `auditAccess` writes nothing for it; this middleware (mounted before authentication)
 * appends `{ caller, patient?, endpoint, outcome: 'denied' }` for such refusals: the caller's subject
 * when the credentials verified (else `anonymous`), the pseudonym only when the path names one
 * (`/api/v1/patients/pt_…`) — bodies of refused requests are never read, so no PHI can reach the log.
 */
import { PatientIdSchema, type PatientId } from '@mediassist/shared/ids';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { routeLabel } from './route-label.js';

/** Path prefixes whose requests concern one patient (and so are audited, refused or not). */
export const PATIENT_ROUTE_PREFIXES = [
  '/api/v1/assist',
  '/api/v1/summarize',
  '/api/v1/events/',
  '/api/v1/patients/',
  '/cds-services/',
] as const;

/** The caller recorded for a refused request whose credentials did not verify. */
export const ANONYMOUS_CALLER = 'anonymous';

export function isPatientRoute(path: string): boolean {
  return PATIENT_ROUTE_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** The pseudonym in the path (`/api/v1/patients/pt_…`), if the path names one; never a source id. */
export function pseudonymInPath(path: string): PatientId | undefined {
  for (const segment of path.split('/')) {
    const parsed = PatientIdSchema.safeParse(segment);
    if (parsed.success) {
      return parsed.data;
    }
  }
  return undefined;
}

export interface AuditRefusalsOptions {
  audit: AuditLog;
  clock: Clock;
}

export function auditRefusals(options: AuditRefusalsOptions): MiddlewareHandler<AppEnv> {
  const { audit, clock } = options;
  return async function auditRefusals(c, next) {
    await next();
    const status = c.res.status;
    if ((status !== 401 && status !== 403) || !isPatientRoute(c.req.path)) {
      return;
    }
    const caller = c.get('caller');
    const role = c.get('grantedRole') ?? caller?.roles[0];
    if (c.get('auditPatient') !== undefined && role !== undefined) {
      return; // auditAccess already wrote this request's record
    }
    const patient = pseudonymInPath(c.req.path);
    audit.append({
      at: new Date(clock.now()).toISOString(),
      caller: caller?.subject ?? ANONYMOUS_CALLER,
      ...(role === undefined ? {} : { role }),
      ...(patient === undefined ? {} : { patient }),
      endpoint: `${c.req.method} ${routeLabel(c)}`,
      requestId: c.get('requestId'),
      outcome: 'denied',
      status,
    });
  };
}
