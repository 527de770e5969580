/**
 * The assist route under test: the real app with the shipped knowledge base, an in-memory (or real
 * Redis) online store, and ONNX models built in the test. Everything heavy is built once per process.
 */
import { featureRegistry, type PatientFeatureView } from '@mediassist/feature-store/definitions';
import { MemoryOnlineStore, type FeatureWrites } from '@mediassist/feature-store/online';
import { samplePatientFeatures } from '@mediassist/feature-store/testing';
import type { AssistRequestInput, AssistResponse } from '@mediassist/shared/api';
import type { PatientId } from '@mediassist/shared/ids';
import { loadKnowledgeBase, type KnowledgeBase } from '@mediassist/shared/kb';
import { createDiagnosisInputLayout, type DiagnosisInputSpec } from '@mediassist/shared/model';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import { createTextExtractor, type TextExtractor } from '@mediassist/shared/text';
import { createFeatureReader, type AssistFeatureStore } from '../../features/feature-reader.js';
import type { DiagnosisModel, DiagnosisModelSource } from '../../model/diagnosis-model.js';
import { loadOnnxDiagnosisModel } from '../../model/onnx-diagnosis-model.js';
import { buildTestDiagnosisModel, type SparseWeight } from '../../model/testing/onnx-test-model.js';
import { testManifest } from '../../model/testing/test-model.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../../testing/test-app.js';
import { createAssistService, type AssistServiceDeps } from '../assist-service.js';

let cached: { kb: KnowledgeBase; text: TextExtractor } | undefined;

/** The shipped knowledge base and its text extractor (built once: ~0.5 s). */
export function shippedKb(): { kb: KnowledgeBase; text: TextExtractor } {
  if (!cached) {
    const kb = loadKnowledgeBase();
    cached = { kb, text: createTextExtractor({ kb }) };
  }
  return cached;
}

/** The trainer's layout over the whole KB: every finding, chronic and acute condition. */
export function fullInputSpec(kb: KnowledgeBase): DiagnosisInputSpec {
  return {
    findings: kb.findings.map((f) => f.id),
    chronicConditions: kb.conditions.filter((c) => c.course === 'chronic').map((c) => c.id),
    recentAcute: kb.conditions.filter((c) => c.course === 'acute').map((c) => c.id),
    embeddingDimension: 32,
  };
}

export interface TestModelSpec {
  version: string;
  /** Logit boosts: `present finding → class`. */
  boosts?: readonly { finding: string; condition: string; weight: number }[];
  classes?: readonly string[];
}

/** An ONNX model over the full layout whose classes are every KB condition (or `classes`). */
export async function onnxTestModel(spec: TestModelSpec): Promise<DiagnosisModel> {
  const { kb } = shippedKb();
  const input = fullInputSpec(kb);
  const classes = spec.classes ?? kb.conditions.map((c) => c.id);
  const manifest = testManifest({ version: spec.version, input, classes, kbVersion: kb.version });
  const findingIndex = new Map(input.findings.map((f, i) => [f, i]));
  const weights: SparseWeight[] = (spec.boosts ?? []).map((b) => ({
    input: (findingIndex.get(b.finding) ?? 0) * 2,
    output: classes.indexOf(b.condition),
    weight: b.weight,
  }));
  const bytes = buildTestDiagnosisModel({
    inputSize: createDiagnosisInputLayout(input).size,
    classes: classes.length,
    weights,
  });
  return loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition: (id) => !!kb.condition(id) });
}

/** A model source serving `production` to everyone, or `canary` to the patients in `canaryFor`. */
export function staticModels(options: {
  production?: DiagnosisModel;
  canary?: DiagnosisModel;
  canaryFor?: ReadonlySet<string>;
  failed?: string;
}): DiagnosisModelSource {
  const { production, canary, canaryFor = new Set(), failed } = options;
  return {
    select(patientKey) {
      if (canary && canaryFor.has(patientKey)) {
        return { model: canary, role: 'canary' };
      }
      return production ? { model: production, role: 'production' } : undefined;
    },
    status: () =>
      production
        ? { state: 'loaded', version: production.version }
        : failed
          ? { state: 'failed', reason: failed }
          : { state: 'absent' },
  };
}

export const PATIENT = `pt_${'a'.repeat(32)}` as PatientId;

export interface AssistAppOptions {
  store?: AssistFeatureStore;
  models?: DiagnosisModelSource;
  pseudonymKey?: PseudonymKey;
  featureTimeoutMs?: number;
  modelTimeoutMs?: number;
  shedder?: AssistServiceDeps['shedder'];
  app?: TestAppOptions;
}

export interface AssistApp extends TestApp {
  post(body: unknown, role?: 'clinician' | 'data-scientist' | 'admin'): Promise<Response>;
  assist(body: AssistRequestInput): Promise<AssistResponse>;
}

export async function createAssistApp(options: AssistAppOptions = {}): Promise<AssistApp> {
  const { kb, text } = shippedKb();
  const base = await createTestApp({
    ...options.app,
    config: { bodyLimitBytes: 64 * 1024, ...options.app?.config },
  });
  const { logger, metrics, clock } = base.deps;
  const features = options.store
    ? createFeatureReader({
        store: options.store,
        logger,
        timeoutMs: options.featureTimeoutMs ?? 200,
      })
    : undefined;
  const service = createAssistService({
    kb,
    logger,
    metrics,
    clock,
    features,
    models: options.models,
    textExtractor: text,
    pseudonymKey: options.pseudonymKey,
    ...(options.modelTimeoutMs === undefined ? {} : { modelTimeoutMs: options.modelTimeoutMs }),
    shedder: options.shedder,
  });
  const t = await createTestApp({
    ...options.app,
    config: { bodyLimitBytes: 64 * 1024, ...options.app?.config },
    overrides: {
      kb,
      logger,
      metrics,
      clock,
      auth: base.deps.auth,
      audit: base.audit,
      assist: service,
      model: options.models,
      ...options.app?.overrides,
    },
  });
  const post = (body: unknown, role: 'clinician' | 'data-scientist' | 'admin' = 'clinician') =>
    Promise.resolve(
      t.app.request('/api/v1/assist', {
        method: 'POST',
        headers: { ...base.as(role), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  return {
    ...base,
    app: t.app,
    deps: t.deps,
    post,
    async assist(body) {
      const res = await post(body);
      if (res.status !== 200) {
        throw new Error(`assist answered ${String(res.status)}: ${await res.text()}`);
      }
      return (await res.json()) as AssistResponse;
    },
  };
}

/** A memory online store on the test clock, holding the sample features for `patients`. */
export async function memoryStoreWith(options: {
  clock: () => Date;
  patients: readonly PatientId[];
  asOf: Date;
}): Promise<MemoryOnlineStore<PatientFeatureView>> {
  const store = new MemoryOnlineStore({ registry: featureRegistry, clock: options.clock });
  const sample = samplePatientFeatures();
  for (const patientId of options.patients) {
    const features = Object.fromEntries(
      Object.entries(sample).map(([name, value]) => [name, { value, asOf: options.asOf }]),
    ) as FeatureWrites<PatientFeatureView>;
    await store.write(patientId, features);
  }
  return store;
}
