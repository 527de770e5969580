import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelManifest } from '@mediassist/shared/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileModelRegistry, type ModelRegistry } from './file-model-registry.js';

function manifest(version: string): ModelManifest {
  return {
    version,
    createdAt: '2026-11-22T10:00:00.000Z',
    kbVersion: '1.0.0',
    trainingData: {
      snapshotHash: 'abcdef0123',
      examples: 10,
      from: '2020-01-01',
      to: '2026-10-31',
    },
    encoder: {
      file: 'encoder.onnx',
      inputName: 'codes',
      outputName: 'embedding',
      vocabulary: ['c:asthma'],
      dimension: 2,
    },
    diagnosis: {
      file: 'model.onnx',
      inputName: 'features',
      outputName: 'probabilities',
      input: { findings: ['fever'], chronicConditions: [], recentAcute: [], embeddingDimension: 2 },
      classes: ['uti', 'influenza'],
      temperature: 1.2,
    },
    metrics: { top3: 0.8 },
  };
}

describe('createFileModelRegistry', () => {
  let root = '';
  let artefact = '';
  let registry: ModelRegistry;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'registry-'));
    artefact = path.join(root, 'model.bin');
    writeFileSync(artefact, 'onnx-bytes');
    registry = createFileModelRegistry({ root: path.join(root, 'registry') });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes immutable versions with their files and manifest', async () => {
    await registry.publish({
      manifest: manifest('v1'),
      files: { 'model.onnx': artefact },
      texts: { 'model-card.md': '# v1' },
    });
    expect(await registry.versions()).toEqual(['v1']);
    expect((await registry.manifest('v1')).diagnosis.classes).toEqual(['uti', 'influenza']);
    await expect(registry.publish({ manifest: manifest('v1'), files: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses to promote a version without a valid manifest', async () => {
    await expect(registry.promote({ version: 'ghost', reason: 'test' })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
    });
    expect(await registry.production()).toBeNull();
  });

  it('promotes, remembers the previous version, and rolls back to it', async () => {
    await registry.publish({ manifest: manifest('v1'), files: {} });
    await registry.publish({ manifest: manifest('v2'), files: {} });
    await registry.promote({ version: 'v1', reason: 'first' });
    await registry.promote({ version: 'v2', reason: 'beats v1' });
    expect(await registry.production()).toMatchObject({ version: 'v2', previous: 'v1' });
    await registry.rollback({ reason: 'latency regression' });
    expect(await registry.production()).toMatchObject({ version: 'v1', previous: 'v2' });
    expect((await registry.history()).map((e) => `${e.action}:${e.version}`)).toEqual([
      'publish:v1',
      'publish:v2',
      'promote:v1',
      'promote:v2',
      'rollback:v1',
    ]);
  });

  it('starts and stops a canary with a share', async () => {
    await registry.publish({ manifest: manifest('v2'), files: {} });
    await registry.startCanary({ version: 'v2', share: 0.1 });
    expect(await registry.canary()).toMatchObject({ version: 'v2', share: 0.1 });
    await registry.stopCanary();
    expect(await registry.canary()).toBeNull();
  });

  it('refuses a rollback with nothing before', async () => {
    await registry.publish({ manifest: manifest('v1'), files: {} });
    await registry.promote({ version: 'v1', reason: 'first' });
    await expect(registry.rollback({ reason: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
