import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  canaryServes,
  createFileModelRegistry,
  type ModelRegistry,
} from '@mediassist/feature-store/model-registry';
import { createLogger } from '@mediassist/shared/logger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelHolder, type ModelHolder, type ModelLoadEvent } from './model-holder.js';
import { loadOnnxDiagnosisModel } from './onnx-diagnosis-model.js';
import { buildTestDiagnosisModel } from './testing/onnx-test-model.js';
import { publishTestModel, testManifest } from './testing/test-model.js';

const INPUT = {
  findings: ['fever', 'cough'],
  chronicConditions: [],
  recentAcute: [],
  embeddingDimension: 2,
};
const CLASSES = ['influenza', 'common-cold', 'covid-19'];
const SIZE = 4 + 5 + 1 + 2 + 2 + 2 + 1;

let root = '';
let registry: ModelRegistry;
let holder: ModelHolder | undefined;
const events: ModelLoadEvent[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'holder-'));
  registry = createFileModelRegistry({ root });
  events.length = 0;
});
afterEach(async () => {
  await holder?.close();
  holder = undefined;
  rmSync(root, { recursive: true, force: true });
});

async function publish(version: string, favour = 0): Promise<void> {
  await publishTestModel({
    registry,
    manifest: testManifest({ version, input: INPUT, classes: CLASSES }),
    bytes: buildTestDiagnosisModel({
      inputSize: SIZE,
      classes: CLASSES.length,
      bias: CLASSES.map((_, i) => (i === favour ? 5 : 0)),
    }),
  });
}

function corrupt(version: string): void {
  writeFileSync(registry.layout.artifact(version, 'model.onnx'), 'not an onnx model');
}

function newHolder(): ModelHolder {
  holder = createModelHolder({
    registry,
    loadModel: ({ manifest, bytes }) =>
      loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition: (id) => CLASSES.includes(id) }),
    logger: createLogger({ name: 'test', level: 'silent' }),
    onLoad: (event) => events.push(event),
    releaseDelayMs: 10,
  });
  return holder;
}

describe('createModelHolder against a registry folder', () => {
  it('reports absent with no production pointer, then loads the promoted version', async () => {
    const h = newHolder();
    await h.refresh();
    expect(h.status()).toEqual({ state: 'absent' });
    expect(h.select('pt_x')).toBeUndefined();
    await publish('v1');
    await registry.promote({ version: 'v1', reason: 'first' });
    await h.refresh();
    expect(h.status()).toEqual({ state: 'loaded', version: 'v1' });
    const selected = h.select('pt_x');
    expect(selected?.role).toBe('production');
    const p = await selected?.model.predict(new Float32Array(SIZE));
    expect(p?.[0]).toBeGreaterThan(0.9);
  });

  it('hot-swaps when the production pointer moves', async () => {
    await publish('v1', 0);
    await publish('v2', 2);
    await registry.promote({ version: 'v1', reason: 'first' });
    const h = newHolder();
    await h.refresh();
    await registry.promote({ version: 'v2', reason: 'better' });
    await h.refresh();
    expect(h.status()).toEqual({ state: 'loaded', version: 'v2' });
    const p = await h.select('pt_x')?.model.predict(new Float32Array(SIZE));
    expect(p?.[2]).toBeGreaterThan(0.9);
    expect(events.map((e) => `${e.version}:${e.outcome}`)).toEqual(['v1:loaded', 'v2:loaded']);
  });

  it('keeps the last good model when the pointer moves to a corrupt one, and says failed without one', async () => {
    await publish('v1');
    await publish('v2');
    corrupt('v2');
    await registry.promote({ version: 'v1', reason: 'first' });
    const h = newHolder();
    await h.refresh();
    await registry.promote({ version: 'v2', reason: 'broken' });
    await h.refresh();
    expect(h.status()).toEqual({ state: 'loaded', version: 'v1' });
    expect(await h.select('pt_x')?.model.predict(new Float32Array(SIZE))).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({
      version: 'v2',
      outcome: 'failed',
      issue: 'onnx_load_failed',
    });

    const fresh = newHolder();
    await fresh.refresh();
    expect(fresh.status()).toEqual({ state: 'failed', reason: 'onnx_load_failed' });
    expect(fresh.select('pt_x')).toBeUndefined();
  });

  it('refuses a model whose classes the knowledge base does not know', async () => {
    await publishTestModel({
      registry,
      manifest: testManifest({ version: 'v9', input: INPUT, classes: ['influenza', 'made-up'] }),
      bytes: buildTestDiagnosisModel({ inputSize: SIZE, classes: 2 }),
    });
    await registry.promote({ version: 'v9', reason: 'test' });
    const h = newHolder();
    await h.refresh();
    expect(h.status()).toEqual({ state: 'failed', reason: 'unknown_class' });
  });

  it('routes the canary share by patient, the same way every time', async () => {
    await publish('v1');
    await publish('v2');
    await registry.promote({ version: 'v1', reason: 'first' });
    await registry.startCanary({ version: 'v2', share: 0.3 });
    const h = newHolder();
    await h.refresh();
    const patients = Array.from(
      { length: 400 },
      (_, i) => `pt_${i.toString(16).padStart(32, '0')}`,
    );
    const routed = patients.filter((p) => h.select(p)?.role === 'canary');
    expect(routed.length / patients.length).toBeGreaterThan(0.2);
    expect(routed.length / patients.length).toBeLessThan(0.4);
    for (const p of patients) {
      const expected = canaryServes({ patientKey: p, share: 0.3, canaryVersion: 'v2' });
      expect(h.select(p)?.model.version).toBe(expected ? 'v2' : 'v1');
    }
    await registry.stopCanary();
    await h.refresh();
    expect(patients.every((p) => h.select(p)?.role === 'production')).toBe(true);
  });

  it('polls on its own once started', async () => {
    const h = newHolder();
    h.start(20);
    await publish('v1');
    await registry.promote({ version: 'v1', reason: 'first' });
    await expect
      .poll(() => h.status(), { timeout: 5_000 })
      .toEqual({
        state: 'loaded',
        version: 'v1',
      });
  });
});
