import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PatientId } from '../ids.js';
import type { CodedVisitEvent } from './coded-event.js';
import {
  decodePendingEntry,
  encodePendingEntry,
  RefreshJobDataSchema,
  refreshJobOptions,
  type RefreshJobData,
} from './nearline-contract.js';

const P = `pt_${'c'.repeat(32)}` as PatientId;
const event: CodedVisitEvent = {
  schemaVersion: 1,
  eventId: '0b8f1f7e-9d1c-4c1a-8f1e-2a7b3c4d5e6f' as CodedVisitEvent['eventId'],
  patientId: P,
  encounterId: `en_${'d'.repeat(32)}` as CodedVisitEvent['encounterId'],
  occurredAt: '2026-11-05T08:30:00.000Z',
  kind: 'visit',
  findings: { present: ['fever'], absent: [] },
  diagnoses: [],
  observations: [],
  medications: { started: [], stopped: [] },
  tests: [],
  unresolved: [],
};

describe('refresh jobs', () => {
  it('carry the patient pseudonym only', () => {
    expectTypeOf<RefreshJobData>().toEqualTypeOf<{ patientId: PatientId }>();
    expect(RefreshJobDataSchema.safeParse({ patientId: P, name: 'Jane' }).success).toBe(false);
    expect(RefreshJobDataSchema.safeParse({ patientId: 'MRN-1' }).success).toBe(false);
  });

  it('are deduplicated per patient (keep last if active), retried with jittered backoff, bounded', () => {
    expect(refreshJobOptions(P)).toEqual({
      deduplication: { id: P, keepLastIfActive: true },
      attempts: 6,
      backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
      removeOnComplete: { count: 1000, age: 3600 },
      removeOnFail: { count: 10_000, age: 604_800 },
    });
  });
});

describe('pending entries', () => {
  it('round-trip, with the content hash first', () => {
    const hash = 'f'.repeat(64);
    const entry = encodePendingEntry({ hash, envelope: { acceptedAtMs: 5, event } });
    expect(entry.startsWith(`${hash} {`)).toBe(true);
    expect(decodePendingEntry(entry)).toEqual({
      ok: true,
      hash,
      envelope: { acceptedAtMs: 5, event },
    });
  });

  it('are reported, not thrown, when malformed or of another shape', () => {
    expect(decodePendingEntry('nonsense')).toEqual({ ok: false, issue: 'malformed' });
    expect(decodePendingEntry(`${'f'.repeat(64)} {"acceptedAtMs":1}`)).toEqual({
      ok: false,
      issue: 'schema_mismatch',
    });
  });
});
