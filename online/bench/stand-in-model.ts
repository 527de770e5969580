/**
 * The diagnosis model the benchmarks serve: the repository's registry when the training pipeline has
 * promoted a model, else a same-shaped stand-in published into a private registry. The stand-in's
 * weights are those a model trained on data generated from the KB would approach (naive Bayes log-odds
 * over the layout's present/absent slots, log-prior biases), so it agrees with the guidelines about as
 * often as a trained model; a seeded 128-wide hidden layer adds a trained MLP's compute and some noise.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { createDiagnosisInputLayout, type ModelManifest } from '@mediassist/shared/model';
import { fullInputSpec } from '../src/assist/testing/assist-fixture.js';
import {
  buildTestDiagnosisModel,
  type SparseWeight,
} from '../src/model/testing/onnx-test-model.js';
import { publishTestModel, testManifest } from '../src/model/testing/test-model.js';

function trainedLike(kb: KnowledgeBase, classes: readonly string[]) {
  const findingIndex = new Map(kb.findings.map((f, i) => [f.id, i]));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const weights: SparseWeight[] = [];
  for (const a of kb.associations) {
    const f = findingIndex.get(a.finding);
    const c = classIndex.get(a.condition);
    const b = Math.min(0.999, Math.max(1e-4, kb.finding(a.finding)?.baseRate ?? 0.01));
    if (f !== undefined && c !== undefined) {
      weights.push({ input: f * 2, output: c, weight: Math.log(a.likelihood / b) });
      weights.push({ input: f * 2 + 1, output: c, weight: Math.log((1 - a.likelihood) / (1 - b)) });
    }
  }
  const bias = classes.map((id) => {
    const prior = kb.condition(id)?.prior;
    const rate = prior ? (prior.female['40-64'] + prior.male['40-64']) / 2 : 0;
    return Math.log(Math.max(rate, 0.01) / 1000);
  });
  return { weights, bias };
}

/** The stand-in's manifest and ONNX bytes (version `bench-mlp`, every KB condition a class). */
export function standInDiagnosisModel(kb: KnowledgeBase): {
  manifest: ModelManifest;
  bytes: Uint8Array;
} {
  const input = fullInputSpec(kb);
  const classes = kb.conditions.map((c) => c.id);
  const manifest = testManifest({ version: 'bench-mlp', input, classes, kbVersion: kb.version });
  const bytes = buildTestDiagnosisModel({
    inputSize: createDiagnosisInputLayout(input).size,
    classes: classes.length,
    ...trainedLike(kb, classes),
    hidden: { size: 128, seed: 11, scale: 0.05 },
  });
  return { manifest, bytes };
}

export interface BenchModelRegistry {
  dir: string;
  source: 'registry' | 'same-shaped';
}

/** `repoDir/.mediassist/registry` when it has a production model, else a stand-in under `home`. */
export async function benchModelRegistry(options: {
  repoDir: string;
  home: string;
  kb: KnowledgeBase;
}): Promise<BenchModelRegistry> {
  const { repoDir, home, kb } = options;
  const trained = path.join(repoDir, '.mediassist', 'registry');
  if (existsSync(path.join(trained, 'production.json'))) {
    return { dir: trained, source: 'registry' };
  }
  const dir = path.join(home, 'registry');
  const registry = createFileModelRegistry({ root: dir });
  const { manifest, bytes } = standInDiagnosisModel(kb);
  await publishTestModel({ registry, manifest, bytes });
  await registry.promote({ version: 'bench-mlp', reason: 'benchmark' });
  return { dir, source: 'same-shaped' };
}
