/** Coded events for tests: valid by construction (checked with the shared schema), synthetic ids. */
import { randomUUID } from 'node:crypto';
import {
  CodedFeedbackEventSchema,
  CodedVisitEventSchema,
  type CodedFeedbackEvent,
  type CodedVisitEvent,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';

export function testEncounterId(n: number): string {
  return `en_${n.toString(16).padStart(32, '0')}`;
}

export function visitEvent(
  options: {
    patientId: PatientId;
    encounter?: number;
    occurredAt?: string;
    eventId?: string;
  } & Partial<
    Pick<CodedVisitEvent, 'findings' | 'diagnoses' | 'observations' | 'medications' | 'tests'>
  >,
): CodedVisitEvent {
  return CodedVisitEventSchema.parse({
    schemaVersion: 1,
    eventId: options.eventId ?? randomUUID(),
    patientId: options.patientId,
    encounterId: testEncounterId(options.encounter ?? 1),
    occurredAt: options.occurredAt ?? '2026-11-05T09:00:00.000Z',
    kind: 'visit',
    findings: options.findings ?? { present: [], absent: [] },
    diagnoses: options.diagnoses ?? [],
    observations: options.observations ?? [],
    medications: options.medications ?? { started: [], stopped: [] },
    tests: options.tests ?? [],
    unresolved: [],
  });
}

export function finalDiagnosisEvent(options: {
  patientId: PatientId;
  conditionId: string;
  occurredAt?: string;
}): CodedFeedbackEvent {
  return CodedFeedbackEventSchema.parse({
    schemaVersion: 1,
    eventId: randomUUID(),
    patientId: options.patientId,
    encounterId: testEncounterId(1),
    occurredAt: options.occurredAt ?? '2026-11-05T09:30:00.000Z',
    kind: 'feedback',
    modelVersion: null,
    feedback: { action: 'final-diagnosis', conditionId: options.conditionId, icd10: null },
  });
}

/** A confirmed encounter diagnosis of a KB condition. */
export function diagnosis(
  conditionId: string,
  extra: Partial<CodedVisitEvent['diagnoses'][number]> = {},
): CodedVisitEvent['diagnoses'][number] {
  return {
    conditionId,
    icd10: null,
    snomed: null,
    category: 'encounter-diagnosis',
    verification: 'confirmed',
    clinicalStatus: 'active',
    ...extra,
  };
}
