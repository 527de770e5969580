import { FeedbackEventInputSchema, VisitEventInputSchema } from '@mediassist/shared/events';
import { describe, expect, it } from 'vitest';
import { buildFeedbackEvent } from './feedback-event.js';
import { newEncounterId, patientRefOf, uuidV4 } from './ids.js';
import { SUMMARY } from './testing/sample-summary.js';
import { buildVisitEvent, keepAll, patientFindingStatus } from './visit-event.js';

const PATIENT = `pt_${'b'.repeat(32)}`;
const ENCOUNTER = `en_${'c'.repeat(32)}`;
const AT = new Date('2026-11-22T10:00:00.000Z');
const counting = (length: number) => Uint8Array.from({ length }, (_, i) => i * 17);

describe('ids', () => {
  it('makes RFC 4122 v4 UUIDs and en_ pseudonyms from random bytes', () => {
    expect(uuidV4(counting)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newEncounterId(counting)).toMatch(/^en_[0-9a-f]{32}$/);
    expect(uuidV4()).not.toBe(uuidV4());
  });

  it('reads a typed patient id as a pseudonym or an EHR id', () => {
    expect(patientRefOf(` ${PATIENT} `)).toEqual({ pseudonym: PATIENT });
    expect(patientRefOf('MRN-1')).toEqual({ sourceId: 'MRN-1' });
    expect(patientRefOf('pt_short')).toEqual({ sourceId: 'pt_short' });
    expect(patientRefOf('  ')).toBeNull();
  });
});

describe('buildFeedbackEvent', () => {
  const base = {
    eventId: uuidV4(counting),
    patientId: PATIENT,
    encounterId: ENCOUNTER,
    occurredAt: AT,
    modelVersion: null,
  };

  it('builds a dismissal the shared contract accepts', () => {
    const event = buildFeedbackEvent({
      ...base,
      choice: { kind: 'condition', id: 'influenza', action: 'dismissed', reason: 'ruled-out' },
    });
    expect(FeedbackEventInputSchema.parse(event).feedback).toEqual({
      action: 'dismissed',
      suggestion: { kind: 'condition', id: 'influenza' },
      reason: 'ruled-out',
    });
  });

  it('builds an acceptance with the model version', () => {
    const event = buildFeedbackEvent({
      ...base,
      modelVersion: 'dx-2026.11.1',
      choice: { kind: 'interaction', id: 'anticoagulant-nsaid', action: 'accepted' },
    });
    expect(FeedbackEventInputSchema.parse(event)).toMatchObject({
      modelVersion: 'dx-2026.11.1',
      occurredAt: AT.toISOString(),
      feedback: { action: 'accepted' },
    });
  });

  it('refuses a dismissal without a reason', () => {
    expect(() =>
      buildFeedbackEvent({
        ...base,
        choice: { kind: 'test', id: 'chest-x-ray', action: 'dismissed' },
      }),
    ).toThrow(/reason/);
  });
});

describe('buildVisitEvent', () => {
  const options = {
    eventId: uuidV4(counting),
    patientId: PATIENT,
    encounterId: ENCOUNTER,
    occurredAt: AT,
  };

  it('codes what the note says about the patient, in the shared visit contract', () => {
    const event = VisitEventInputSchema.parse(
      buildVisitEvent({ ...options, summary: SUMMARY, kept: keepAll(SUMMARY) }),
    );
    expect(event.findings).toEqual({ present: ['fever'], absent: ['chest-pain'] });
    expect(event.diagnoses).toEqual([
      expect.objectContaining({
        conditionId: 'community-acquired-pneumonia',
        category: 'encounter-diagnosis',
      }),
      expect.objectContaining({ conditionId: 'hypertension', category: 'problem-list-item' }),
    ]);
    expect(event.observations).toEqual([
      { loinc: '8480-6', value: 138, unit: 'mm[Hg]', at: AT.toISOString() },
      { loinc: '8462-4', value: 84, unit: 'mm[Hg]', at: AT.toISOString() },
      { loinc: '8310-5', value: 38.4, unit: 'Cel', at: AT.toISOString() },
    ]);
    expect(event.medications).toEqual({ started: ['723'], stopped: ['5640'] });
    expect(event.tests).toEqual(['chest-x-ray']);
  });

  it('leaves out what the doctor unticked and applies their corrections', () => {
    const kept = keepAll(SUMMARY);
    const edited = {
      ...kept,
      findings: new Set([0, 1]),
      findingStatus: new Map([[1, 'present' as const]]),
      vitals: new Set<number>(),
      conditions: new Set<number>(),
    };
    const event = buildVisitEvent({ ...options, summary: SUMMARY, kept: edited });
    expect(event.findings).toEqual({ present: ['fever', 'chest-pain'], absent: [] });
    expect(event.observations).toEqual([]);
    expect(event.diagnoses).toHaveLength(1);
    expect(patientFindingStatus(SUMMARY, edited).map((f) => f.status)).toEqual([
      'present',
      'present',
    ]);
  });
});
