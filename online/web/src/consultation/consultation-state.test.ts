import type { PatientSummaryResponse } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { assistRequestKey, buildAssistRequest, DIFFERENTIAL_LIMIT } from './assist-request.js';
import {
  consultationReducer,
  initialConsultation,
  type ConsultationState,
  type FindingEntry,
} from './consultation-state.js';

const PATIENT = { patientId: `pt_${'a'.repeat(32)}` } as PatientSummaryResponse;
const fever: FindingEntry = { id: 'fever', display: 'Fever', status: 'present', from: 'typed' };
const cough: FindingEntry = { id: 'cough', display: 'Cough', status: 'present', from: 'typed' };

function opened(): ConsultationState {
  return consultationReducer(initialConsultation('en_old'), {
    type: 'patient-opened',
    patient: PATIENT,
    encounterId: 'en_new',
  });
}

describe('consultationReducer', () => {
  it('starts a fresh consultation when a patient is opened', () => {
    const before = { ...opened(), findings: [fever], freeText: 'x' };
    const after = consultationReducer(before, {
      type: 'patient-opened',
      patient: PATIENT,
      encounterId: 'en_next',
    });
    expect(after).toMatchObject({ encounterId: 'en_next', findings: [], freeText: '' });
  });

  it('replaces a finding entered again in its place, so the latest answer wins', () => {
    let state = opened();
    state = consultationReducer(state, { type: 'finding-set', finding: fever });
    state = consultationReducer(state, { type: 'finding-set', finding: cough });
    state = consultationReducer(state, {
      type: 'finding-set',
      finding: { ...fever, status: 'absent', from: 'question' },
    });
    expect(state.findings.map((f) => `${f.id}:${f.status}`)).toEqual([
      'fever:absent',
      'cough:present',
    ]);
  });

  it('flips and removes findings', () => {
    let state = consultationReducer(opened(), {
      type: 'findings-merged',
      findings: [fever, cough],
    });
    state = consultationReducer(state, { type: 'finding-toggled', id: 'cough' });
    expect(state.findings[1]?.status).toBe('absent');
    state = consultationReducer(state, { type: 'finding-removed', id: 'fever' });
    expect(state.findings.map((f) => f.id)).toEqual(['cough']);
  });

  it('proposes a drug once', () => {
    let state = opened();
    const drug = { rxcui: '5640', name: 'ibuprofen' };
    state = consultationReducer(state, { type: 'drug-proposed', drug });
    state = consultationReducer(state, { type: 'drug-proposed', drug });
    expect(state.proposedDrugs).toEqual([drug]);
    state = consultationReducer(state, { type: 'drug-removed', rxcui: '5640' });
    expect(state.proposedDrugs).toEqual([]);
  });

  it('keeps the latest feedback per suggestion', () => {
    const entry = { action: 'accepted' as const, reason: null, eventId: 'e', error: null };
    let state = consultationReducer(opened(), {
      type: 'feedback-changed',
      kind: 'condition',
      id: 'influenza',
      entry: { ...entry, state: 'sending' },
    });
    state = consultationReducer(state, {
      type: 'feedback-changed',
      kind: 'condition',
      id: 'influenza',
      entry: { ...entry, state: 'recorded' },
    });
    expect(state.feedback).toEqual({ 'condition:influenza': { ...entry, state: 'recorded' } });
  });
});

describe('buildAssistRequest', () => {
  it('asks nothing until there is a patient and something entered', () => {
    expect(buildAssistRequest(initialConsultation('en_x'))).toBeNull();
    expect(buildAssistRequest({ ...opened(), freeText: '   ' })).toBeNull();
  });

  it('sends findings by status, trimmed free text and proposed drugs', () => {
    const state: ConsultationState = {
      ...opened(),
      findings: [fever, { ...cough, status: 'absent' }],
      freeText: '  no chest pain ',
      proposedDrugs: [{ rxcui: '5640', name: 'ibuprofen' }],
    };
    expect(buildAssistRequest(state)).toEqual({
      patient: { pseudonym: PATIENT.patientId },
      findings: { present: ['fever'], absent: ['cough'] },
      medications: { active: [], proposed: ['5640'] },
      limit: DIFFERENTIAL_LIMIT,
      text: 'no chest pain',
    });
  });

  it("sends the patient's age when the record has it (children's vital-sign cut-offs for the text)", () => {
    const child = { ...opened(), patient: { ...PATIENT, age: 3 }, freeText: 'HR 130' };
    expect(buildAssistRequest(child)).toMatchObject({ age: 3, text: 'HR 130' });
    const unknown = { ...opened(), patient: { ...PATIENT, age: null }, freeText: 'HR 130' };
    expect(buildAssistRequest(unknown)).not.toHaveProperty('age');
  });

  it('gives equal keys for equal consultations and an empty key for none', () => {
    const a = buildAssistRequest({ ...opened(), findings: [fever] });
    const b = buildAssistRequest({ ...opened(), findings: [{ ...fever, from: 'question' }] });
    expect(assistRequestKey(a)).toBe(assistRequestKey(b));
    expect(assistRequestKey(null)).toBe('');
  });
});
