/**
 * The patient-access audit trail: one record per request that touched a patient's data, ids only.
 * Implementations: append-only NDJSON files (file-audit-log.ts) and memory (tests).
 */
import { RoleSchema } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import { PatientIdSchema } from '@mediassist/shared/ids';
import { z } from 'zod';

/** `success` 2xx/3xx, `denied` 401/403/429, `not-found` 404, `failed` anything else. */
export const AUDIT_OUTCOMES = ['success', 'denied', 'not-found', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditRecordSchema = z.strictObject({
  at: z.iso.datetime(),
  /** The caller's subject id (API key subject or JWT `sub`); `anonymous` for a refused unauthenticated call. */
  caller: z.string().min(1).max(128),
  /** The role used; absent only on a refusal where the caller holds no role that route accepts. */
  role: RoleSchema.optional(),
  /** Always the pseudonym (`pt_…`), never a source id; absent on a refusal when not resolvable from the path. */
  patient: PatientIdSchema.optional(),
  /** Method and route pattern, e.g. `POST /api/v1/assist` (no query string, no values). */
  endpoint: z.string().min(1),
  requestId: z.string().min(1),
  outcome: z.enum(AUDIT_OUTCOMES),
  status: z.number().int(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export interface AuditLogStatus {
  /** `down` while records cannot be written (they stay buffered and are retried). */
  state: 'up' | 'down';
  pending: number;
}

export interface AuditLog {
  /**
   * Buffers a record; returns at once. Throws DEPENDENCY_UNAVAILABLE when the backlog is full
   * (the store has been failing): the request then fails rather than go unaudited.
   */
  append(record: AuditRecord): void;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  /** Flushes and releases the store; later appends throw. */
  close(): Promise<void>;
  status(): AuditLogStatus;
}

export function outcomeForStatus(status: number): AuditOutcome {
  if (status < 400) {
    return 'success';
  }
  if (status === 401 || status === 403 || status === 429) {
    return 'denied';
  }
  return status === 404 ? 'not-found' : 'failed';
}

export interface MemoryAuditLog extends AuditLog {
  readonly records: readonly AuditRecord[];
}

export function createMemoryAuditLog(): MemoryAuditLog {
  const records: AuditRecord[] = [];
  let closed = false;
  return {
    records,
    append(record) {
      if (closed) {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'Audit log is closed');
      }
      records.push(AuditRecordSchema.parse(record));
    },
    flush: () => Promise.resolve(),
    close() {
      closed = true;
      return Promise.resolve();
    },
    status: () => ({ state: 'up', pending: 0 }),
  };
}
