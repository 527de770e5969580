import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { pseudonymizeEncounterId, pseudonymizePatientId, type PseudonymKey } from '../pseudonym.js';
import { eventContentHash } from './coded-event.js';
import { createEventNormalizer } from './event-normalizer.js';
import { createEventsTestKb } from './testing/events-test-kb.js';

const KEY = 'k'.repeat(40) as PseudonymKey;
const NOW = new Date('2026-11-05T10:00:00Z');
const kb = createEventsTestKb();
const normalizer = createEventNormalizer({ kb, pseudonymKey: KEY, clock: () => NOW });
const EVENT_ID = '0b8f1f7e-9d1c-4c1a-8f1e-2a7b3c4d5e6f';
const PATIENT = `pt_${'a'.repeat(32)}`;
const ENCOUNTER = `en_${'b'.repeat(32)}`;

const visit = (extra: Record<string, unknown> = {}) => ({
  eventId: EVENT_ID,
  patient: { pseudonym: PATIENT },
  encounter: { pseudonym: ENCOUNTER },
  occurredAt: '2026-11-05T09:30:00+01:00',
  ...extra,
});

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createEventNormalizer().visit (compact)', () => {
  it('resolves ids and codes to KB ids, sorts lists and converts instants to UTC', () => {
    const event = normalizer.visit(
      visit({
        findings: {
          present: ['fever', { system: 'http://snomed.info/sct', code: '49727002' }, 'fever'],
          absent: ['current-smoker', 'fever'],
        },
        diagnoses: [{ icd10: 'I10' }, { snomed: '233604007', verification: 'provisional' }],
        observations: [{ loinc: '8480-6', value: 142, unit: 'mm[Hg]' }],
        medications: { started: ['314076', '99999999'], stopped: [] },
        tests: ['hba1c', { system: 'http://hl7.org/fhir/sid/cvx', code: '140' }],
      }),
    );
    expect(event).toEqual({
      schemaVersion: 1,
      eventId: EVENT_ID,
      patientId: PATIENT,
      encounterId: ENCOUNTER,
      occurredAt: '2026-11-05T08:30:00.000Z',
      kind: 'visit',
      findings: { present: ['cough', 'fever'], absent: ['current-smoker'] },
      diagnoses: [
        {
          conditionId: 'community-acquired-pneumonia',
          icd10: null,
          snomed: '233604007',
          category: 'encounter-diagnosis',
          verification: 'provisional',
          clinicalStatus: 'active',
        },
        {
          conditionId: 'essential-hypertension',
          icd10: 'I10',
          snomed: null,
          category: 'encounter-diagnosis',
          verification: 'confirmed',
          clinicalStatus: 'active',
        },
      ],
      observations: [
        { loinc: '8480-6', value: 142, unit: 'mm[Hg]', at: '2026-11-05T08:30:00.000Z' },
      ],
      medications: { started: ['29046', '99999999'], stopped: [] },
      tests: ['hba1c', 'influenza-vaccine'],
      unresolved: [
        {
          field: 'medication',
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '99999999',
        },
      ],
    });
  });

  it('keeps codes the KB does not know as unresolved, with their system', () => {
    const event = normalizer.visit(
      visit({ findings: { present: [{ system: 'http://snomed.info/sct', code: '1234567' }] } }),
    );
    expect(event.findings.present).toEqual([]);
    expect(event.unresolved).toEqual([
      { field: 'finding', system: 'http://snomed.info/sct', code: '1234567' },
    ]);
  });

  it('pseudonymises source ids at the edge and never keeps them', () => {
    const event = normalizer.visit(
      visit({ patient: { sourceId: 'MRN-00042' }, encounter: { sourceId: 'enc-7' } }),
    );
    expect(event.patientId).toBe(pseudonymizePatientId('MRN-00042', KEY));
    expect(event.encounterId).toBe(pseudonymizeEncounterId('enc-7', KEY));
    expect(JSON.stringify(event)).not.toContain('MRN-00042');
  });

  it('refuses source ids when no pseudonym key is configured', () => {
    const withoutKey = createEventNormalizer({ kb, clock: () => NOW });
    const error = rejection(() => withoutKey.visit(visit({ patient: { sourceId: 'MRN-1' } })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'patient.sourceId', issue: 'source_ids_not_accepted' }]);
  });

  it('rejects free-text fields, unknown KB ids and future instants with paths, never values', () => {
    const note = rejection(() => normalizer.visit(visit({ note: 'Jane Doe has chest pain' })));
    expect(note.details).toEqual([{ path: '(root)', issue: 'unrecognized_keys' }]);
    expect(JSON.stringify(note)).not.toContain('Jane');

    const sentence = rejection(() =>
      normalizer.visit(visit({ findings: { present: ['patient reports a cough'] } })),
    );
    expect(sentence.details[0]?.path).toBe('findings.present.0');

    const unknown = rejection(() =>
      normalizer.visit(visit({ findings: { present: ['not-a-finding'] }, tests: ['nope'] })),
    );
    expect(unknown.details).toEqual([
      { path: 'findings.present.0', issue: 'unknown_kb_id' },
      { path: 'tests.0', issue: 'unknown_kb_id' },
    ]);

    const future = rejection(() => normalizer.visit(visit({ occurredAt: '2026-11-05T10:06:00Z' })));
    expect(future.details).toEqual([{ path: 'occurredAt', issue: 'future_instant' }]);
  });

  it('gives the same content hash whatever the order the producer listed things in', () => {
    const a = normalizer.visit(visit({ findings: { present: ['fever', 'cough'] } }));
    const b = normalizer.visit(
      visit({ eventId: EVENT_ID.toUpperCase(), findings: { present: ['cough', 'fever'] } }),
    );
    expect(eventContentHash(a)).toBe(eventContentHash(b));
    const c = normalizer.visit(visit({ findings: { present: ['cough'] } }));
    expect(eventContentHash(c)).not.toBe(eventContentHash(a));
  });
});

describe('createEventNormalizer().feedback', () => {
  const feedback = (body: Record<string, unknown>) => ({
    eventId: EVENT_ID,
    patient: { pseudonym: PATIENT },
    encounter: { pseudonym: ENCOUNTER },
    occurredAt: '2026-11-05T09:40:00Z',
    modelVersion: '2026.11.01-1',
    ...body,
  });

  it('accepts a dismissal with a reason code and resolves a final diagnosis from ICD-10', () => {
    const dismissed = normalizer.feedback(
      feedback({
        feedback: {
          action: 'dismissed',
          suggestion: { kind: 'condition', id: 'community-acquired-pneumonia' },
          reason: 'ruled-out',
        },
      }),
    );
    expect(dismissed.feedback).toEqual({
      action: 'dismissed',
      suggestion: { kind: 'condition', id: 'community-acquired-pneumonia' },
      reason: 'ruled-out',
    });
    const final = normalizer.feedback(
      feedback({ feedback: { action: 'final-diagnosis', conditionId: null, icd10: 'E11.9' } }),
    );
    expect(final.feedback).toEqual({
      action: 'final-diagnosis',
      conditionId: 'type-2-diabetes',
      icd10: 'E11.9',
    });
  });

  it('rejects a free-text reason and a suggestion the KB does not have', () => {
    const reason = rejection(() =>
      normalizer.feedback(
        feedback({
          feedback: {
            action: 'dismissed',
            suggestion: { kind: 'test', id: 'hba1c' },
            reason: 'she had it done elsewhere',
          },
        }),
      ),
    );
    expect(reason.details[0]).toEqual({ path: 'feedback.reason', issue: 'invalid_value' });
    const unknown = rejection(() =>
      normalizer.feedback(
        feedback({
          feedback: { action: 'accepted', suggestion: { kind: 'care-gap', id: 'x-ray' } },
        }),
      ),
    );
    expect(unknown.details).toEqual([{ path: 'feedback.suggestion.id', issue: 'unknown_kb_id' }]);
  });
});
