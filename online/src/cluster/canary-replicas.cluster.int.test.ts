/**
 * Canary routing across replicas: two online app instances, each with its own model holder over the
 * same registry folder (as two containers sharing a volume), answer every patient with the same
 * model version; the canary share is honoured; stopping the canary moves everyone back to
 * production on both; each replica's /metrics counts answers by model version.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { AssistResponseSchema } from '@mediassist/shared/api';
import type { PatientId } from '@mediassist/shared/ids';
import { createLogger } from '@mediassist/shared/logger';
import { createDiagnosisInputLayout } from '@mediassist/shared/model';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistService } from '../assist/assist-service.js';
import {
  createAssistApp,
  fullInputSpec,
  memoryStoreWith,
  shippedKb,
  type AssistApp,
} from '../assist/testing/assist-fixture.js';
import { createFeatureReader } from '../features/feature-reader.js';
import { createMetrics } from '../metrics/metrics.js';
import {
  createModelVersionMetrics,
  MODEL_REQUESTS_METRIC,
  withModelVersionMetrics,
} from '../metrics/model-version-metrics.js';
import { createModelHolder, type ModelHolder } from '../model/model-holder.js';
import { loadOnnxDiagnosisModel } from '../model/onnx-diagnosis-model.js';
import { buildTestDiagnosisModel } from '../model/testing/onnx-test-model.js';
import { publishTestModel, testManifest } from '../model/testing/test-model.js';
import { createManualClock } from '../testing/manual-clock.js';

const PRODUCTION = '2026.11.01-1';
const CANARY = '2026.11.20-1';
const SHARE = 0.2;
const { kb, text } = shippedKb();
const clock = createManualClock();
const logger = createLogger({ name: 'canary-replicas-test', level: 'silent' });
const patients = Array.from(
  { length: 150 },
  (_, i) => `pt_${i.toString(16).padStart(32, '0')}` as PatientId,
);

let root: string;
const holders: ModelHolder[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'canary-replicas-'));
  const registry = createFileModelRegistry({ root });
  const input = fullInputSpec(kb);
  const classes = kb.conditions.map((c) => c.id);
  for (const version of [PRODUCTION, CANARY]) {
    await publishTestModel({
      registry,
      manifest: testManifest({ version, input, classes, kbVersion: kb.version }),
      bytes: buildTestDiagnosisModel({
        inputSize: createDiagnosisInputLayout(input).size,
        classes: classes.length,
      }),
    });
  }
  await registry.promote({ version: PRODUCTION, reason: 'test' });
  await registry.startCanary({ version: CANARY, share: SHARE });
});

afterAll(async () => {
  await Promise.all(holders.map((h) => h.close()));
  await rm(root, { recursive: true, force: true });
});

/** One replica: its own model holder, metrics and service, as main.ts wires them. */
async function replica(): Promise<{ app: AssistApp; holder: ModelHolder }> {
  const holder = createModelHolder({
    registry: createFileModelRegistry({ root }),
    loadModel: ({ manifest, bytes }) =>
      loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition: (id) => !!kb.condition(id) }),
    logger,
  });
  holders.push(holder);
  await holder.refresh();
  const registry = new Registry();
  const metrics = createMetrics({ registry });
  const store = await memoryStoreWith({
    clock: () => new Date(clock.now()),
    patients,
    asOf: new Date(clock.now() - 60_000),
  });
  const service = withModelVersionMetrics({
    service: createAssistService({
      kb,
      logger,
      metrics,
      clock,
      features: createFeatureReader({ store, logger, timeoutMs: 2_000 }),
      models: holder,
      textExtractor: text,
      modelTimeoutMs: 2_000,
    }),
    models: holder,
    metrics: createModelVersionMetrics({ registry }),
  });
  const app = await createAssistApp({
    models: holder,
    app: { overrides: { assist: service, metrics, clock } },
  });
  return { app, holder };
}

async function servedBy(app: AssistApp, patientId: PatientId) {
  const body = AssistResponseSchema.parse(
    await app.assist({
      patient: { pseudonym: patientId },
      findings: { present: ['cough', 'fever'] },
      age: 60,
      sex: 'female',
    }),
  );
  expect(body.provenance.fallbackReason).toBeNull();
  return `${String(body.provenance.modelRole)}:${String(body.provenance.modelVersion)}`;
}

describe('canary across two online replicas', () => {
  it('serves each patient the same model version from both replicas, canary for about its share', async () => {
    const a = await replica();
    const b = await replica();
    const fromA: string[] = [];
    const fromB: string[] = [];
    for (const patientId of patients) {
      fromA.push(await servedBy(a.app, patientId));
      fromB.push(await servedBy(b.app, patientId));
    }
    expect(fromB).toEqual(fromA);
    const canary = fromA.filter((s) => s === `canary:${CANARY}`).length;
    expect(fromA.filter((s) => s === `production:${PRODUCTION}`).length).toBe(
      patients.length - canary,
    );
    // 150 patients at 20 %: 30 expected; the hash split stays well inside 12..50.
    expect(canary).toBeGreaterThan(12);
    expect(canary).toBeLessThan(50);

    const res = await a.app.app.request('/metrics', { headers: a.app.as('data-scientist') });
    const metricsText = await res.text();
    const count = (role: string, version: string) =>
      Number(
        metricsText
          .split('\n')
          .find(
            (l) =>
              l.startsWith(MODEL_REQUESTS_METRIC) &&
              l.includes(`model_version="${version}"`) &&
              l.includes(`model_role="${role}"`) &&
              l.includes('outcome="model"'),
          )
          ?.split(' ')
          .at(-1),
      );
    expect(count('canary', CANARY)).toBe(canary);
    expect(count('production', PRODUCTION)).toBe(patients.length - canary);

    // Rollback of the canary: both replicas pick it up at their next poll.
    await createFileModelRegistry({ root }).stopCanary();
    await Promise.all([a.holder.refresh(), b.holder.refresh()]);
    for (const patientId of patients.slice(0, 40)) {
      expect(await servedBy(a.app, patientId)).toBe(`production:${PRODUCTION}`);
      expect(await servedBy(b.app, patientId)).toBe(`production:${PRODUCTION}`);
    }
  });
});
