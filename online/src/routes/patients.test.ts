import { featureRegistry, type PatientFeatureView } from '@mediassist/feature-store/definitions';
import { MemoryOnlineStore, type FeatureWrites } from '@mediassist/feature-store/online';
import { samplePatientFeatures, testPatientId } from '@mediassist/feature-store/testing';
import { PatientSummaryResponseSchema, DemoPatientsResponseSchema } from '@mediassist/shared/api';
import type { PatientId } from '@mediassist/shared/ids';
import { pseudonymizePatientId, PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { createFeatureReader, type AssistFeatureStore } from '../features/feature-reader.js';
import { createTestApp } from '../testing/test-app.js';
import { createStaticDemoPatientSource } from '../web/demo-patient-source.js';
import { createPatientSummaries } from '../web/patient-summary.js';

const KEY = PseudonymKeySchema.parse('k'.repeat(40));
const DAY = 86_400_000;

async function setup(options: { store?: AssistFeatureStore; demo?: PatientId[] } = {}) {
  const base = await createTestApp();
  const now = () => new Date(base.clock.now());
  const memory = new MemoryOnlineStore({ registry: featureRegistry, clock: now });
  const features = createFeatureReader({
    store: options.store ?? memory,
    logger: base.deps.logger,
    timeoutMs: 1_000,
  });
  const summaries = createPatientSummaries({
    kb: base.deps.kb,
    features,
    registry: featureRegistry,
    now,
  });
  const t = await createTestApp({
    overrides: {
      patientSummaries: summaries,
      pseudonymKey: KEY,
      demoPatients: options.demo ? createStaticDemoPatientSource(options.demo) : undefined,
    },
  });
  const write = (patientId: PatientId, ageMs = 0) => {
    const asOf = new Date(t.clock.now() - ageMs);
    const features = Object.fromEntries(
      Object.entries(samplePatientFeatures()).map(([name, value]) => [name, { value, asOf }]),
    ) as FeatureWrites<PatientFeatureView>;
    return memory.write(patientId, features);
  };
  // The summaries judge staleness on the first app's clock; keep both clocks together.
  t.clock.set(base.clock.now());
  return { ...t, write };
}

describe('GET /api/v1/patients/{patientId}', () => {
  it('returns the stored record with names from the knowledge base and each view’s freshness', async () => {
    const t = await setup();
    const patient = testPatientId(1);
    await t.write(patient);
    const res = await t.app.request(`/api/v1/patients/${patient}`, { headers: t.as('clinician') });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = PatientSummaryResponseSchema.parse(await res.json());
    expect(body.patientId).toBe(patient);
    expect(body.sex).toBe('female');
    expect(body.age).toBe(2026 - 1956);
    // The test KB knows hypertension but not diabetes: unknown ids are left out, not invented.
    expect(body.conditions.chronic).toEqual([
      { conditionId: 'essential-hypertension', display: 'Essential hypertension', icd10: 'I10' },
    ]);
    expect(body.medications.active).toContainEqual({ rxcui: '29046', name: 'lisinopril' });
    expect(body.medications.active).toContainEqual({ rxcui: '6809', name: null });
    expect(body.freshness.read).toBe('ok');
    expect(body.freshness.stale).toEqual([]);
    const demographics = body.freshness.views.find((v) => v.view === 'demographics');
    expect(demographics).toMatchObject({ status: 'fresh', ageMs: 0, maxStalenessMs: 30 * DAY });
    expect(t.audit.records).toMatchObject([
      { patient, endpoint: 'GET /api/v1/patients/:patientId', outcome: 'success' },
    ]);
  });

  it('flags views past their staleness limit as stale but still shows them', async () => {
    const t = await setup();
    const patient = testPatientId(2);
    await t.write(patient, 3 * DAY);
    const res = await t.app.request(`/api/v1/patients/${patient}`, { headers: t.as('clinician') });
    const body = PatientSummaryResponseSchema.parse(await res.json());
    expect(body.freshness.stale).toEqual(
      expect.arrayContaining(['condition_history', 'medication_list', 'care_gaps']),
    );
    expect(body.freshness.stale).not.toContain('demographics');
    expect(body.conditions.chronic).toHaveLength(1);
  });

  it('returns 404 when nothing is stored for the patient, and audits the attempt', async () => {
    const t = await setup();
    const patient = testPatientId(3);
    const res = await t.app.request(`/api/v1/patients/${patient}`, { headers: t.as('clinician') });
    expect(res.status).toBe(404);
    expect(t.audit.records).toMatchObject([{ patient, outcome: 'not-found' }]);
  });

  it('answers 200 with an unavailable freshness when the store fails', async () => {
    const failing: AssistFeatureStore = { read: () => Promise.reject(new Error('down')) };
    const t = await setup({ store: failing });
    const res = await t.app.request(`/api/v1/patients/${testPatientId(4)}`, {
      headers: t.as('clinician'),
    });
    expect(res.status).toBe(200);
    const body = PatientSummaryResponseSchema.parse(await res.json());
    expect(body.freshness.read).toBe('unavailable');
    expect(body.age).toBeNull();
    expect(body.conditions.known).toBe(false);
  });

  it('rejects a path that is not a pseudonym, and callers without the clinician role', async () => {
    const t = await setup();
    const bad = await t.app.request('/api/v1/patients/12345', { headers: t.as('clinician') });
    expect(bad.status).toBe(400);
    const forbidden = await t.app.request(`/api/v1/patients/${testPatientId(1)}`, {
      headers: t.as('data-scientist'),
    });
    expect(forbidden.status).toBe(403);
    const anonymous = await t.app.request(`/api/v1/patients/${testPatientId(1)}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('POST /api/v1/patients/lookup', () => {
  it('finds a patient by EHR id, pseudonymised at the edge and never echoed or logged', async () => {
    const t = await setup();
    const sourceId = 'MRN-000123';
    const patient = pseudonymizePatientId(sourceId, KEY);
    await t.write(patient);
    const res = await t.app.request('/api/v1/patients/lookup', {
      method: 'POST',
      headers: { ...t.as('clinician'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ patient: { sourceId } }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(PatientSummaryResponseSchema.parse(JSON.parse(text)).patientId).toBe(patient);
    expect(text).not.toContain(sourceId);
    expect(t.logText()).not.toContain(sourceId);
    expect(t.audit.records).toMatchObject([{ patient }]);
  });
});

describe('GET /api/v1/patients/demo', () => {
  it('lists the sampled patients that have features, each audited', async () => {
    const t = await setup({ demo: [testPatientId(6), testPatientId(5), testPatientId(7)] });
    await t.write(testPatientId(5));
    await t.write(testPatientId(6));
    const res = await t.app.request('/api/v1/patients/demo', { headers: t.as('clinician') });
    expect(res.status).toBe(200);
    const body = DemoPatientsResponseSchema.parse(await res.json());
    expect(body.patients.map((p) => p.patientId)).toEqual([testPatientId(5), testPatientId(6)]);
    expect(body.patients[0]).toEqual({
      patientId: testPatientId(5),
      age: 70,
      sex: 'female',
      chronic: ['Essential hypertension'],
      medicationCount: 3,
    });
    expect(t.audit.records.map((r) => r.patient)).toEqual([testPatientId(5), testPatientId(6)]);
  });

  it('is 404 when the demo list is off', async () => {
    const t = await setup();
    const res = await t.app.request('/api/v1/patients/demo', { headers: t.as('clinician') });
    expect(res.status).toBe(404);
  });
});
