import { describe, expect, it } from 'vitest';
import { AuditRecordSchema, createMemoryAuditLog, outcomeForStatus } from './audit-log.js';

const RECORD = {
  at: '2026-11-22T10:00:00.000Z',
  caller: 'dr-1',
  role: 'clinician' as const,
  patient: `pt_${'c'.repeat(32)}` as never,
  endpoint: 'POST /api/v1/assist',
  requestId: 'req-1',
  outcome: 'success' as const,
  status: 200,
};

describe('audit records', () => {
  it('classify outcomes by status', () => {
    expect([200, 304, 401, 403, 429, 404, 400, 500, 503].map(outcomeForStatus)).toEqual([
      'success',
      'success',
      'denied',
      'denied',
      'denied',
      'not-found',
      'failed',
      'failed',
      'failed',
    ]);
  });

  it('hold ids only: extra fields and source patient ids are rejected', () => {
    expect(AuditRecordSchema.safeParse(RECORD).success).toBe(true);
    expect(AuditRecordSchema.safeParse({ ...RECORD, note: 'chest pain' }).success).toBe(false);
    expect(AuditRecordSchema.safeParse({ ...RECORD, patient: 'MRN-001234' }).success).toBe(false);
  });

  it('are kept in order by the memory log, which refuses appends once closed', async () => {
    const log = createMemoryAuditLog();
    log.append(RECORD);
    log.append({ ...RECORD, requestId: 'req-2' });
    expect(log.records.map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
    await log.close();
    expect(() => {
      log.append(RECORD);
    }).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }));
  });
});
