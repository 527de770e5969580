/** The assist route against a real Redis (including one we stop) and a real registry folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { RedisOnlineStore, type FeatureWrites } from '@mediassist/feature-store/online';
import { samplePatientFeatures } from '@mediassist/feature-store/testing';
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { AssistRequestInput } from '@mediassist/shared/api';
import { createLogger } from '@mediassist/shared/logger';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { createRedisTestContext } from '@mediassist/tooling/redis-test-context';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAssistApp,
  fullInputSpec,
  PATIENT,
  shippedKb,
  staticModels,
  onnxTestModel,
} from '../assist/testing/assist-fixture.js';
import { createModelHolder } from '../model/model-holder.js';
import { loadOnnxDiagnosisModel } from '../model/onnx-diagnosis-model.js';
import { buildTestDiagnosisModel } from '../model/testing/onnx-test-model.js';
import { publishTestModel, testManifest } from '../model/testing/test-model.js';
import { createDiagnosisInputLayout } from '@mediassist/shared/model';
import { redisUrl } from '../testing/redis-url.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const COUGH = {
  patient: { pseudonym: PATIENT },
  findings: { present: ['cough', 'fever'] },
  medications: { active: ['simvastatin'], proposed: ['clarithromycin'] },
  age: 60,
  sex: 'female',
} satisfies AssistRequestInput;

function sampleWrites(asOf: Date): FeatureWrites<PatientFeatureView> {
  return Object.fromEntries(
    Object.entries(samplePatientFeatures()).map(([name, value]) => [name, { value, asOf }]),
  );
}

/** A client configured like main.ts: no offline queue, so a dead Redis fails fast. */
function serviceClient(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 200,
  });
  redis.on('error', () => undefined);
  cleanups.push(() => {
    redis.disconnect();
  });
  return redis;
}

describe('assist with the real online store', () => {
  it('reads the patient’s features from Redis in one round trip and answers from the model', async () => {
    const ctx = createRedisTestContext(redisUrl());
    cleanups.push(() => ctx.cleanup());
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
      clock: () => new Date(NOW),
    });
    await store.write(PATIENT, sampleWrites(new Date(NOW - 3_600_000)));
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await onnxTestModel({ version: 'v1' }) }),
    });
    const body = await t.assist(COUGH);
    expect(body.provenance).toMatchObject({ tier: 'model', features: { read: 'ok' } });
    expect(body.interactions.activeMedicationsFrom).toBe('request+features');
    expect(body.recommendedTests.recentTestsKnown).toBe(true);
  });

  it('answers guidelines-only with interactions and care gaps when Redis is stopped, then stops asking it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'assist-redis-'));
    const local = await startLocalRedis({ dataDir });
    cleanups.push(async () => {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const redis = serviceClient(local.url);
    await new Promise((resolve) => redis.once('ready', resolve));
    const store = new RedisOnlineStore({
      redis,
      registry: featureRegistry,
      clock: () => new Date(NOW),
    });
    await store.write(PATIENT, sampleWrites(new Date(NOW - 3_600_000)));
    const t = await createAssistApp({
      store,
      models: staticModels({ production: await onnxTestModel({ version: 'v1' }) }),
    });
    expect((await t.assist(COUGH)).provenance.tier).toBe('model');

    await local.stop();
    const reasons: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.post(COUGH);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Awaited<ReturnType<typeof t.assist>>;
      expect(body.provenance).toMatchObject({
        tier: 'guidelines-only',
        fallbackReason: 'features-unavailable',
      });
      expect(body.interactions.warnings[0]?.severity).toBe('contraindicated');
      expect(body.interactions.activeMedicationsFrom).toBe('request');
      expect(body.careGaps.source).toBe('computed-from-request');
      expect(body.careGaps.items.length).toBeGreaterThan(0);
      reasons.push(body.provenance.degraded[0]?.reason ?? '');
    }
    expect(reasons[0]).toBe('unreachable');
    expect(reasons.at(-1)).toBe('circuit-open');
    const metrics = await t.deps.metrics.registry.getSingleMetricAsString(
      'mediassist_fallback_total',
    );
    expect(metrics).toContain('mediassist_fallback_total{reason="features-unavailable"} 8');
  });
});

describe('assist with the real model registry', () => {
  it('keeps serving the last good model after the production pointer moves to a corrupt one', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'assist-registry-'));
    cleanups.push(() => {
      rmSync(root, { recursive: true, force: true });
    });
    const { kb } = shippedKb();
    const registry = createFileModelRegistry({ root });
    const input = fullInputSpec(kb);
    const classes = kb.conditions.map((c) => c.id);
    const bytes = buildTestDiagnosisModel({
      inputSize: createDiagnosisInputLayout(input).size,
      classes: classes.length,
    });
    for (const version of ['good', 'corrupt']) {
      await publishTestModel({
        registry,
        manifest: testManifest({ version, input, classes, kbVersion: kb.version }),
        bytes,
      });
    }
    writeFileSync(registry.layout.artifact('corrupt', 'model.onnx'), Buffer.from([8, 1, 18, 3]));
    await registry.promote({ version: 'good', reason: 'first' });
    const models = createModelHolder({
      registry,
      loadModel: ({ manifest, bytes: b }) =>
        loadOnnxDiagnosisModel({ manifest, bytes: b, knowsCondition: (id) => !!kb.condition(id) }),
      logger: createLogger({ name: 'test', level: 'silent' }),
    });
    cleanups.push(() => models.close());
    await models.refresh();
    const t = await createAssistApp({ models });
    const ctx = createRedisTestContext(redisUrl());
    cleanups.push(() => ctx.cleanup());
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    const served = await createAssistApp({ models, store });
    await store.write(PATIENT, sampleWrites(new Date(Date.now() - 60_000)));

    await registry.promote({ version: 'corrupt', reason: 'a bad export' });
    await models.refresh();
    const body = await served.assist(COUGH);
    expect(body.provenance).toMatchObject({ tier: 'model', modelVersion: 'good' });
    const ready = (await (await t.app.request('/readyz')).json()) as {
      components: Record<string, unknown>;
    };
    expect(ready.components['model']).toMatchObject({ state: 'up', version: 'good' });
  });
});
