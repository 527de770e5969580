import { PSEUDONYM_IDENTIFIER_SYSTEMS } from '@mediassist/shared/api';
import { parsePatientId } from '@mediassist/shared/ids';
import { createTextExtractor } from '@mediassist/shared/text';
import { describe, expect, it } from 'vitest';
import { createTestKb } from '../testing/test-kb.js';
import { draftBundle, UNIDENTIFIED_PATIENT_DISPLAY } from './draft-bundle.js';

const kb = createTestKb();
const summary = createTextExtractor({ kb }).summarize(
  'CC: fever\nMeds: warfarin 5 mg PO daily\nAssessment: pneumonia\nPlan: follow up in 2 days.',
);
const now = '2026-03-01T10:00:00.000Z';
const P1 = parsePatientId(`pt_${'1'.repeat(32)}`);
const P2 = parsePatientId(`pt_${'2'.repeat(32)}`);

describe('draftBundle', () => {
  it('names the patient by a logical reference everywhere and keeps the in-bundle references', () => {
    const bundle = draftBundle({ summary, patient: P1, now, kb });
    const subject = {
      type: 'Patient',
      identifier: { system: PSEUDONYM_IDENTIFIER_SYSTEMS.patient, value: P1 },
    };
    const resources = (bundle.entry ?? []).map(
      (e) => e.resource as unknown as Record<string, unknown>,
    );
    expect(resources.length).toBeGreaterThan(2);
    for (const r of resources) {
      expect(r['subject'] ?? r['patient']).toEqual(subject);
    }
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.startsWith('"reference":"urn:uuid:'))).toBe(true);
  });

  it('is deterministic for the same input and distinct for another patient', () => {
    const a = draftBundle({ summary, patient: P1, now, kb });
    expect(draftBundle({ summary, patient: P1, now, kb })).toEqual(a);
    const b = draftBundle({ summary, patient: P2, now, kb });
    expect(b.identifier?.value).not.toBe(a.identifier?.value);
    expect(b.entry?.[0]?.fullUrl).not.toBe(a.entry?.[0]?.fullUrl);
  });

  it('shows an unidentified subject and no encounter when neither is given', () => {
    const bundle = draftBundle({ summary, now, kb });
    const composition = bundle.entry?.[0]?.resource as unknown as Record<string, unknown>;
    expect(composition['subject']).toEqual({ display: UNIDENTIFIED_PATIENT_DISPLAY });
    expect(composition).not.toHaveProperty('encounter');
  });
});
