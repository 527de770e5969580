/**
 * Patient-access auditing. A handler that reads or writes a patient's data calls
 * `recordPatientAccess(c, patientId)` as soon as it knows the pseudonym; once the response is
 * decided, this middleware appends `{ at, caller, role, patient, endpoint, requestId, outcome }`.
 * If the audit store refuses the record, the response becomes a 503 instead of unaudited data.
 */
import type { PatientId } from '@mediassist/shared/ids';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { outcomeForStatus, type AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { routeLabel } from './route-label.js';

export function recordPatientAccess(c: Context<AppEnv>, patient: PatientId): void {
  c.set('auditPatient', patient);
}

export interface AuditAccessOptions {
  audit: AuditLog;
  clock: Clock;
}

export function auditAccess(options: AuditAccessOptions): MiddlewareHandler<AppEnv> {
  const { audit, clock } = options;
  return async function auditAccess(c, next) {
    await next();
    const patient = c.get('auditPatient');
    const caller = c.get('caller');
    if (patient === undefined || caller === undefined) {
      return;
    }
    const role = c.get('grantedRole') ?? caller.roles[0];
    if (role === undefined) {
      return;
    }
    audit.append({
      at: new Date(clock.now()).toISOString(),
      caller: caller.subject,
      role,
      patient,
      endpoint: `${c.req.method} ${routeLabel(c)}`,
      requestId: c.get('requestId'),
      outcome: outcomeForStatus(c.res.status),
      status: c.res.status,
    });
  };
}
