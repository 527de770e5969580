import { featureRegistry } from '@mediassist/feature-store/definitions';
import { MemoryOnlineStore } from '@mediassist/feature-store/online';
import { AssistResponseSchema, type AssistResponse } from '@mediassist/shared/api';
import { pseudonymizePatientId, PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import {
  createAssistApp,
  memoryStoreWith,
  onnxTestModel,
  PATIENT,
  staticModels,
} from '../assist/testing/assist-fixture.js';
import type { DiagnosisModel } from '../model/diagnosis-model.js';
import { createLoadShedder } from '../resilience/load-shedder.js';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const FRESH = new Date(NOW - 60 * 60_000);
const clock = () => new Date(NOW);
const OTHER_PATIENT = `pt_${'b'.repeat(32)}`;

/** "Influenza" whenever cough is present: a model that visibly disagrees with the guidelines. */
const fluModel = () =>
  onnxTestModel({
    version: 'v-flu',
    boosts: [{ finding: 'cough', condition: 'influenza', weight: 12 }],
  });

const COUGH = {
  patient: { pseudonym: PATIENT },
  findings: { present: ['cough', 'fever'], absent: ['chest-pain'] },
  medications: { active: ['simvastatin'], proposed: ['clarithromycin'] },
};

function ids(body: AssistResponse): string[] {
  return body.differential.items.map((i) => i.conditionId);
}

async function fallbackCount(
  t: { deps: { metrics: { registry: { getSingleMetricAsString(n: string): Promise<string> } } } },
  reason: string,
) {
  const text = await t.deps.metrics.registry.getSingleMetricAsString('mediassist_fallback_total');
  const line = text.split('\n').find((l) => l.includes(`reason="${reason}"`));
  return Number(line?.split(' ').at(-1));
}

describe('POST /api/v1/assist: the model tier', () => {
  it('answers with a blended differential, evidence, tests, interactions, gaps and provenance', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const model = await fluModel();
    const t = await createAssistApp({ store, models: staticModels({ production: model }) });
    const res = await t.post(COUGH);
    expect(res.status).toBe(200);
    const body = AssistResponseSchema.parse(await res.json());
    expect(body.provenance).toMatchObject({
      tier: 'model',
      fallbackReason: null,
      modelVersion: 'v-flu',
      modelRole: 'production',
      modelWeight: 0.6,
      kbVersion: expect.any(String) as unknown,
      features: { read: 'ok' },
      degraded: [],
    });
    expect(body.provenance.features.views['demographics']).toMatchObject({ status: 'fresh' });
    expect(body.differential.method).toBe('model+guidelines');
    const top = body.differential.items[0];
    expect(top).toMatchObject({ conditionId: 'influenza', label: 'Consider Influenza' });
    expect(top?.modelProbability).toBeGreaterThan(0.9);
    expect(top?.supporting.map((e) => e.findingId)).toEqual(expect.arrayContaining(['cough']));
    expect(top?.sources.length).toBeGreaterThan(0);
    // Demographics came from the store (birth year 1956) and history from condition_history.
    expect(body.patient).toEqual({ age: 70, sex: 'female' });
    expect(body.nextQuestions.length).toBeGreaterThan(0);
    expect(body.recommendedTests.recentTestsKnown).toBe(true);
    expect(body.interactions.activeMedicationsFrom).toBe('request+features');
    expect(body.interactions.warnings[0]).toMatchObject({ severity: 'contraindicated' });
    expect(body.notice).toMatch(/not a diagnosis/);
    expect(JSON.stringify(body)).not.toMatch(/\bdiagnos(is|ed) (of|with)\b/i);
  });

  it('keeps a plausible can’t-miss condition listed whatever the model says', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
    });
    const body = await t.assist({
      ...COUGH,
      findings: { present: ['cough', 'fever', 'dyspnoea'] },
    });
    const pneumonia = body.differential.items.find(
      (i) => i.conditionId === 'community-acquired-pneumonia',
    );
    expect(pneumonia?.cantMiss).toBe(true);
    expect(pneumonia?.guidelineProbability).toBeGreaterThan(0.005);
  });

  it('never suggests a condition the guidelines rule out for the patient (sex)', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const ectopic = await onnxTestModel({
      version: 'v-ectopic',
      boosts: [{ finding: 'cough', condition: 'ectopic-pregnancy', weight: 15 }],
    });
    const t = await createAssistApp({ store, models: staticModels({ production: ectopic }) });
    const male = await t.assist({ ...COUGH, age: 40, sex: 'male' });
    expect(ids(male)).not.toContain('ectopic-pregnancy');
    const female = await t.assist({ ...COUGH, age: 30, sex: 'female' });
    expect(ids(female)[0]).toBe('ectopic-pregnancy');
  });

  it('reads free text as the same findings as codes, negations included (same differential)', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
    });
    const coded = await t.assist(COUGH);
    const text = await t.assist({
      ...COUGH,
      findings: undefined,
      text: 'Cough and fever for three days. No chest pain.',
    });
    expect(text.findings.present).toEqual(['cough', 'fever']);
    expect(text.findings.absent).toEqual(['chest-pain']);
    expect(text.differential).toEqual(coded.differential);
    expect(text.nextQuestions).toEqual(coded.nextQuestions);
  });

  it("reads vitals in the free text against children's cut-offs when the request gives the age", async () => {
    const t = await createAssistApp();
    const text = 'Cough. Heart rate 130, resp rate 30.';
    const child = await t.assist({ patient: { pseudonym: PATIENT }, text, age: 3 });
    expect(child.findings.present).toEqual(['cough']);
    expect(child.findings.absent).toEqual(expect.arrayContaining(['tachycardia', 'tachypnoea']));
    const noAge = await t.assist({ patient: { pseudonym: PATIENT }, text });
    expect(noAge.findings.present).toEqual(expect.arrayContaining(['tachycardia', 'tachypnoea']));
  });

  it("reads structured vitals against children's cut-offs at the request's age, adult without one", async () => {
    const t = await createAssistApp();
    const vitals = [
      { loinc: '8867-4', value: 130, unit: '/min' },
      { loinc: '9279-1', value: 30, unit: '/min' },
    ];
    const child = await t.assist({ patient: { pseudonym: PATIENT }, vitals, age: 3 });
    expect(child.findings.present).toEqual([]);
    expect(child.findings.absent).toEqual(expect.arrayContaining(['tachycardia', 'tachypnoea']));
    const noAge = await t.assist({ patient: { pseudonym: PATIENT }, vitals });
    expect(noAge.findings.present).toEqual(['tachycardia', 'tachypnoea']);
  });

  it('turns vitals into threshold findings (T 38.6 Cel is fever; 101.5 [degF] too)', async () => {
    const t = await createAssistApp();
    const celsius = await t.assist({
      patient: { pseudonym: PATIENT },
      vitals: [{ loinc: '8310-5', value: 38.6, unit: 'Cel' }],
    });
    expect(celsius.findings.present).toContain('fever');
    expect(celsius.findings.absent).toContain('hypothermia');
    const fahrenheit = await t.assist({
      patient: { pseudonym: PATIENT },
      vitals: [
        { loinc: '8310-5', value: 101.5, unit: '[degF]' },
        { loinc: '29463-7', value: 80, unit: 'kg' },
      ],
    });
    expect(fahrenheit.findings.present).toContain('fever');
    expect(fahrenheit.findings.unresolved).toEqual([
      { path: 'vitals.1', issue: 'no_threshold_finding' },
    ]);
  });

  it('routes canary patients to the canary model and says so', async () => {
    const store = await memoryStoreWith({
      clock,
      patients: [PATIENT, OTHER_PATIENT as never],
      asOf: FRESH,
    });
    const canary = await onnxTestModel({ version: 'v-canary' });
    const t = await createAssistApp({
      store,
      models: staticModels({
        production: await fluModel(),
        canary,
        canaryFor: new Set([OTHER_PATIENT]),
      }),
    });
    expect((await t.assist(COUGH)).provenance).toMatchObject({
      modelVersion: 'v-flu',
      modelRole: 'production',
    });
    const routed = await t.assist({ ...COUGH, patient: { pseudonym: OTHER_PATIENT } });
    expect(routed.provenance).toMatchObject({ modelVersion: 'v-canary', modelRole: 'canary' });
  });
});

describe('POST /api/v1/assist: degraded tiers', () => {
  it('serves the model on stale features and says model+stale-features', async () => {
    const stale = new Date(NOW - 3 * 86_400_000);
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: stale });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
    });
    const body = await t.assist(COUGH);
    expect(body.provenance.tier).toBe('model+stale-features');
    expect(body.provenance.degraded).toEqual([{ component: 'features', reason: 'stale' }]);
    expect(body.provenance.features.views['patient_embedding']).toMatchObject({ status: 'stale' });
    expect(body.provenance.features.views['demographics']).toMatchObject({ status: 'fresh' });
  });

  it('falls back to guidelines when model inputs are far past their staleness limit', async () => {
    const ancient = new Date(NOW - 40 * 86_400_000);
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: ancient });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
    });
    const body = await t.assist(COUGH);
    expect(body.provenance).toMatchObject({
      tier: 'guidelines-only',
      fallbackReason: 'features-stale',
    });
    expect(await fallbackCount(t, 'features-stale')).toBe(1);
  });

  it('answers from guidelines alone without a model, with interactions and care gaps', async () => {
    const t = await createAssistApp();
    const res = await t.post({ ...COUGH, age: 54, sex: 'female' });
    expect(res.status).toBe(200);
    const body = AssistResponseSchema.parse(await res.json());
    expect(body.provenance).toMatchObject({
      tier: 'guidelines-only',
      fallbackReason: 'model-absent',
      modelVersion: null,
      features: { read: 'unavailable' },
    });
    expect(body.provenance.degraded).toEqual([
      { component: 'features', reason: 'not-configured' },
      { component: 'model', reason: 'model-absent' },
    ]);
    expect(body.differential.method).toBe('guidelines');
    expect(body.differential.items.every((i) => i.modelProbability === null)).toBe(true);
    expect(body.interactions.warnings.map((w) => w.severity)).toContain('contraindicated');
    expect(body.interactions.activeMedicationsFrom).toBe('request');
    expect(body.careGaps.source).toBe('computed-from-request');
    expect(body.careGaps.items.map((g) => g.serviceId)).toContain('breast-cancer-screening');
    expect(body.recommendedTests.recentTestsKnown).toBe(false);
    expect(await fallbackCount(t, 'model-absent')).toBe(1);
  });

  it('says model-failed when the only model failed to load', async () => {
    const t = await createAssistApp({ models: staticModels({ failed: 'onnx_load_failed' }) });
    const body = await t.assist(COUGH);
    expect(body.provenance.fallbackReason).toBe('model-failed');
    const ready = (await (await t.app.request('/readyz')).json()) as {
      components: Record<string, unknown>;
    };
    expect(ready.components['model']).toMatchObject({ state: 'down', reason: 'onnx_load_failed' });
  });

  it('says features-missing for a patient the store does not know and no age or sex given', async () => {
    const store = new MemoryOnlineStore({ registry: featureRegistry, clock });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
    });
    const unknown = await t.assist(COUGH);
    expect(unknown.provenance).toMatchObject({
      tier: 'guidelines-only',
      fallbackReason: 'features-missing',
    });
    expect(unknown.careGaps.source).toBe('unavailable');
    // With age and sex in the request the model can run for a new patient.
    const described = await t.assist({ ...COUGH, age: 30, sex: 'male' });
    expect(described.provenance.tier).toBe('model');
    expect(described.careGaps.source).toBe('computed-from-request');
  });

  it('answers guidelines-only when the model runs past its deadline (model-timeout)', async () => {
    const real = await fluModel();
    const slow: DiagnosisModel = {
      ...real,
      predict: (input) =>
        new Promise((resolve) => setTimeout(() => void real.predict(input).then(resolve), 200)),
    };
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: slow }),
      modelTimeoutMs: 20,
    });
    const body = await t.assist(COUGH);
    expect(body.provenance.fallbackReason).toBe('model-timeout');
    expect(await fallbackCount(t, 'model-timeout')).toBe(1);
  });

  it('skips the feature read and the model while the service sheds work (overloaded)', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    let reads = 0;
    const counted = {
      read: (...args: Parameters<typeof store.read>) => (reads++, store.read(...args)),
    };
    let busy = true;
    const t = await createAssistApp({
      store: counted,
      models: staticModels({ production: await fluModel() }),
      shedder: { enter: () => busy, leave: () => undefined },
    });
    const shed = await t.assist(COUGH);
    expect(reads).toBe(0);
    expect(shed.provenance).toMatchObject({
      tier: 'guidelines-only',
      fallbackReason: 'overloaded',
      features: { read: 'unavailable' },
      degraded: [
        { component: 'features', reason: 'overloaded' },
        { component: 'model', reason: 'overloaded' },
      ],
    });
    // Still a whole answer: guideline differential, the request's interactions, tests.
    expect(ids(shed)).toContain('influenza');
    expect(shed.interactions.activeMedicationsFrom).toBe('request');
    expect(shed.interactions.warnings[0]).toMatchObject({ severity: 'contraindicated' });
    expect(await fallbackCount(t, 'overloaded')).toBe(1);
    busy = false;
    const caughtUp = await t.assist(COUGH);
    expect(reads).toBe(1);
    expect(caughtUp.provenance.tier).toBe('model');
  });

  it('sheds only the answers beyond the limit in progress, and none once they finish', async () => {
    const store = await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH });
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await fluModel() }),
      shedder: createLoadShedder({ maxInFlight: 1 }),
    });
    const together = await Promise.all([t.assist(COUGH), t.assist(COUGH)]);
    expect(together.map((b) => b.provenance.fallbackReason).sort()).toEqual([null, 'overloaded']);
    expect((await t.assist(COUGH)).provenance.tier).toBe('model');
  });

  it('answers guidelines-only when the model throws (model-failed), never a 5xx', async () => {
    const real = await fluModel();
    const broken: DiagnosisModel = {
      ...real,
      predict: () => Promise.reject(new Error('native crash')),
    };
    const t = await createAssistApp({
      store: await memoryStoreWith({ clock, patients: [PATIENT], asOf: FRESH }),
      models: staticModels({ production: broken }),
    });
    const res = await t.post(COUGH);
    expect(res.status).toBe(200);
    expect(((await res.json()) as AssistResponse).provenance.fallbackReason).toBe('model-failed');
  });

  it('answers guidelines-only when the feature read times out (features-unavailable)', async () => {
    const hanging = { read: () => new Promise<never>(() => undefined) };
    const t = await createAssistApp({
      store: hanging,
      featureTimeoutMs: 25,
      models: staticModels({ production: await fluModel() }),
    });
    const started = performance.now();
    const body = await t.assist({ ...COUGH, age: 54, sex: 'female' });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(body.provenance).toMatchObject({
      tier: 'guidelines-only',
      fallbackReason: 'features-unavailable',
      degraded: [
        { component: 'features', reason: 'timeout' },
        { component: 'model', reason: 'features-unavailable' },
      ],
    });
    expect(body.interactions.warnings.length).toBeGreaterThan(0);
    expect(body.careGaps.items.length).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/assist: the edge', () => {
  it('rejects bad input with VALIDATION_FAILED and stable paths', async () => {
    const t = await createAssistApp();
    const cases: [unknown, string, string][] = [
      [{ findings: { present: ['cough'] } }, 'json.patient', 'invalid_union'],
      [{ patient: { pseudonym: 'Jane Doe' } }, 'json.patient.pseudonym', 'invalid_format'],
      [
        { ...COUGH, findings: { present: ['no-such-finding'] } },
        'json.findings.present.0',
        'unknown_kb_id',
      ],
      [{ ...COUGH, limit: 31 }, 'json.limit', 'too_big'],
      [{ ...COUGH, name: 'Jane Doe' }, 'json', 'unrecognized_keys'],
      [
        { ...COUGH, vitals: [{ loinc: '8310', value: 38, unit: 'Cel' }] },
        'json.vitals.0.loinc',
        'invalid_format',
      ],
    ];
    for (const [body, path, issue] of cases) {
      const res = await t.post(body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; details: unknown[] } }).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toContainEqual({ path, issue });
    }
    expect(t.logText()).not.toContain('Jane');
  });

  it('accepts a source id only with a pseudonym key, and answers about the pseudonym', async () => {
    const without = await createAssistApp();
    const refused = await without.post({ ...COUGH, patient: { sourceId: 'MRN-12345' } });
    expect(refused.status).toBe(400);
    const key = PseudonymKeySchema.parse('k'.repeat(32));
    const t = await createAssistApp({ pseudonymKey: key });
    const res = await t.post({ ...COUGH, patient: { sourceId: 'MRN-12345' } });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain('MRN-12345');
    const pseudonym = pseudonymizePatientId('MRN-12345', key);
    expect((JSON.parse(text) as AssistResponse).patientId).toBe(pseudonym);
    expect(t.audit.records.at(-1)).toMatchObject({ patient: pseudonym, outcome: 'success' });
  });

  it('audits every access with the clinician role, and only clinicians and admins may call it', async () => {
    const t = await createAssistApp();
    expect((await t.post(COUGH)).status).toBe(200);
    expect(t.audit.records).toEqual([
      expect.objectContaining({
        patient: PATIENT,
        role: 'clinician',
        endpoint: 'POST /api/v1/assist',
        status: 200,
      }),
    ]);
    expect((await t.post(COUGH, 'data-scientist')).status).toBe(403);
    expect((await t.post(COUGH, 'admin')).status).toBe(200);
    const anonymous = await t.app.request('/api/v1/assist', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(COUGH),
    });
    expect(anonymous.status).toBe(401);
  });

  it('is listed in the OpenAPI document with its request and response schemas', async () => {
    const t = await createAssistApp();
    const doc = (await (
      await t.app.request('/openapi.json', { headers: t.as('admin') })
    ).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/v1/assist']?.['post']).toBeDefined();
  });
});
