import { testPatientId } from '@mediassist/feature-store/testing';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { diagnosis, finalDiagnosisEvent, visitEvent } from '../testing/events.js';
import { EMPTY_STATE, type NearlineState } from './nearline-state.js';
import { planRefresh, type OnlineSnapshot } from './plan-refresh.js';

const kb = loadKnowledgeBase();
const NOW = Date.parse('2026-11-05T12:00:00Z');
const context = { kb, nowMs: NOW };
const P = testPatientId(1);
const T9 = '2026-11-05T09:00:00.000Z';
const T9_MS = Date.parse(T9);

const plan = (
  events: Parameters<typeof planRefresh>[0]['events'],
  state = EMPTY_STATE,
  online: OnlineSnapshot = {},
) => planRefresh({ state, online, events, context });

describe('planRefresh: applying a visit', () => {
  it('adds findings, counts the visit, records vitals, drugs, tests and confirmed diagnoses', () => {
    const result = plan([
      visitEvent({
        patientId: P,
        findings: { present: ['cough', 'fever'], absent: ['dyspnoea'] },
        diagnoses: [
          diagnosis('hypertension', { category: 'problem-list-item' }),
          diagnosis('community-acquired-pneumonia', { icd10: 'J18.9' }),
          diagnosis('type-2-diabetes', { verification: 'provisional' }),
        ],
        observations: [{ loinc: '8480-6', value: 150, unit: 'mm[Hg]', at: T9 }],
        medications: { started: ['29046'], stopped: [] },
        tests: ['hba1c'],
      }),
    ]);
    expect(result.working).toEqual({
      recent_findings: {
        value: { present: ['cough', 'fever'], visits90d: 1, lastVisitAt: '2026-11-05' },
        asOfMs: T9_MS,
      },
      condition_history: {
        value: {
          chronic: ['hypertension'],
          icd10: ['I10', 'J18.9'],
          recentAcute: ['community-acquired-pneumonia'],
        },
        asOfMs: T9_MS,
      },
      vitals_labs: {
        value: { values: { '8480-6': { value: 150, unit: 'mm[Hg]', at: T9 } } },
        asOfMs: T9_MS,
      },
      medication_list: { value: { activeRxcuis: ['29046'] }, asOfMs: T9_MS },
      recent_tests: { value: { lastDone: { hba1c: '2026-11-05' } }, asOfMs: T9_MS },
    });
    expect(result.recompute).toEqual(['care_gaps', 'medication_alerts', 'patient_embedding']);
    expect(result.state.encounters).toEqual({ [visitEvent({ patientId: P }).encounterId]: T9_MS });
  });

  it('counts a visit once per encounter, whatever the number of events about it', () => {
    const first = plan([
      visitEvent({ patientId: P, encounter: 7, findings: { present: ['fever'], absent: [] } }),
    ]);
    const again = plan(
      [visitEvent({ patientId: P, encounter: 7, findings: { present: ['cough'], absent: [] } })],
      { ...EMPTY_STATE, ...first.state, views: first.working },
    );
    expect(again.working.recent_findings?.value).toEqual({
      present: ['fever', 'cough'],
      visits90d: 1,
      lastVisitAt: '2026-11-05',
    });
  });

  it('keeps the latest start or stop of a drug, whichever order the events arrive in', () => {
    const start = visitEvent({
      patientId: P,
      encounter: 1,
      occurredAt: '2026-11-01T09:00:00.000Z',
      medications: { started: ['11289'], stopped: [] },
    });
    const stop = visitEvent({
      patientId: P,
      encounter: 2,
      occurredAt: '2026-11-03T09:00:00.000Z',
      medications: { started: [], stopped: ['11289'] },
    });
    const inOrder = plan([start, stop]);
    const afterStop = plan([stop]);
    const lateStart = plan([start], {
      ...EMPTY_STATE,
      ...afterStop.state,
      views: afterStop.working,
    });
    expect(inOrder.working.medication_list?.value.activeRxcuis).toEqual([]);
    expect(lateStart.working.medication_list?.value.activeRxcuis).toEqual([]);
    expect(plan([stop, start]).working).toEqual(inOrder.working);
  });

  it('resolves a chronic problem only with a later resolution, and applies final diagnoses', () => {
    const resolved = visitEvent({
      patientId: P,
      occurredAt: '2026-11-04T09:00:00.000Z',
      diagnoses: [
        diagnosis('hypertension', { category: 'problem-list-item', clinicalStatus: 'resolved' }),
      ],
    });
    const earlierActive = visitEvent({
      patientId: P,
      encounter: 2,
      occurredAt: '2026-11-02T09:00:00.000Z',
      diagnoses: [diagnosis('hypertension')],
    });
    expect(plan([resolved, earlierActive]).working.condition_history?.value.chronic).toEqual([]);
    const final = plan([finalDiagnosisEvent({ patientId: P, conditionId: 'type-2-diabetes' })]);
    expect(final.working.condition_history?.value).toEqual({
      chronic: ['type-2-diabetes'],
      icd10: ['E11.9'],
      recentAcute: [],
    });
  });

  it('keeps the newer of two measurements of the same code', () => {
    const newer = visitEvent({
      patientId: P,
      encounter: 1,
      occurredAt: '2026-11-04T09:00:00.000Z',
      observations: [{ loinc: '4548-4', value: 7.9, unit: '%', at: '2026-11-04T09:00:00.000Z' }],
    });
    const older = visitEvent({
      patientId: P,
      encounter: 2,
      occurredAt: '2026-10-04T09:00:00.000Z',
      observations: [{ loinc: '4548-4', value: 6.1, unit: '%', at: '2026-10-04T09:00:00.000Z' }],
    });
    const result = plan([newer, older]);
    expect(result.working.vitals_labs?.value.values['4548-4']?.value).toBe(7.9);
    expect(result.working.vitals_labs?.asOfMs).toBe(Date.parse('2026-11-04T09:00:00.000Z'));
  });
});

describe('planRefresh: which derived views to recompute', () => {
  const existing: OnlineSnapshot = {
    recent_findings: {
      value: { present: ['fever'], visits90d: 1, lastVisitAt: '2026-10-01' },
      asOfMs: 1,
    },
    care_gaps: { value: { open: [] }, asOfMs: 1 },
    medication_alerts: { value: { alerts: [] }, asOfMs: 1 },
    patient_embedding: { value: new Float32Array(32), asOfMs: 1 },
  };

  it('leaves care gaps, alerts and the embedding alone for a visit that only records vitals', () => {
    const vitals = visitEvent({
      patientId: P,
      findings: { present: ['fever'], absent: [] },
      observations: [{ loinc: '8867-4', value: 88, unit: '/min', at: T9 }],
    });
    expect(plan([vitals], EMPTY_STATE, existing).recompute).toEqual([]);
  });

  it('recomputes what a new drug or a new finding can change, and anything missing', () => {
    const drug = visitEvent({ patientId: P, medications: { started: ['5640'], stopped: [] } });
    expect(plan([drug], EMPTY_STATE, existing).recompute).toEqual([
      'medication_alerts',
      'patient_embedding',
    ]);
    const finding = visitEvent({ patientId: P, findings: { present: ['cough'], absent: [] } });
    expect(plan([finding], EMPTY_STATE, existing).recompute).toEqual([
      'care_gaps',
      'patient_embedding',
    ]);
    expect(plan([finding]).recompute).toEqual([
      'care_gaps',
      'medication_alerts',
      'patient_embedding',
    ]);
  });
});

describe('planRefresh: reconciling with the online store', () => {
  const own: NearlineState = {
    ...EMPTY_STATE,
    views: { medication_list: { value: { activeRxcuis: ['29046', '11289'] }, asOfMs: T9_MS } },
  };

  it('builds on a newer value in the store (materialization ran since)', () => {
    const online: OnlineSnapshot = {
      medication_list: { value: { activeRxcuis: ['6809'] }, asOfMs: T9_MS + 1 },
    };
    expect(plan([], own, online).working.medication_list).toEqual(online.medication_list);
  });

  it('keeps its own value when the store has an older one (a write that never happened)', () => {
    const online: OnlineSnapshot = {
      medication_list: { value: { activeRxcuis: ['29046'] }, asOfMs: T9_MS - 1 },
    };
    const result = plan([], own, online);
    expect(result.working.medication_list).toEqual(own.views.medication_list);
    expect(result.recompute).toEqual([]);
  });

  it('never dates a recomputed view before the value already stored for it', () => {
    const storedEmbeddingAsOf = T9_MS + 3_600_000;
    const online: OnlineSnapshot = {
      patient_embedding: { value: new Float32Array(32), asOfMs: storedEmbeddingAsOf },
    };
    const result = plan(
      [visitEvent({ patientId: P, findings: { present: ['fever'], absent: [] } })],
      EMPTY_STATE,
      online,
    );
    expect(result.derivedAsOfMs.patient_embedding).toBe(storedEmbeddingAsOf);
    expect(result.derivedAsOfMs.medication_alerts).toBe(T9_MS);
  });
});
