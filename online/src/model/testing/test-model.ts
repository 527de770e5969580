/** Manifests and registry versions for tests and benchmarks, around models from onnx-test-model.ts. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import type { DiagnosisInputSpec, ModelManifest } from '@mediassist/shared/model';

export interface TestManifestOptions {
  version: string;
  input: DiagnosisInputSpec;
  classes: readonly string[];
  kbVersion?: string;
  createdAt?: string;
}

export function testManifest(options: TestManifestOptions): ModelManifest {
  const { version, input, classes, kbVersion = '9.8.7' } = options;
  return {
    version,
    createdAt: options.createdAt ?? '2026-11-01T00:00:00.000Z',
    kbVersion,
    trainingData: {
      snapshotHash: 'test-snapshot',
      examples: 1000,
      from: '2020-01-01',
      to: '2026-10-31',
    },
    encoder: {
      file: 'encoder.onnx',
      inputName: 'codes',
      outputName: 'embedding',
      vocabulary: ['c:test'],
      dimension: input.embeddingDimension,
    },
    diagnosis: {
      file: 'model.onnx',
      inputName: 'features',
      outputName: 'probabilities',
      input,
      classes: [...classes],
      temperature: 1,
    },
    metrics: { top3: 0.5 },
  };
}

/** Publishes `bytes` as the version's `model.onnx` (through a temp file, as the trainer would). */
export async function publishTestModel(options: {
  registry: ModelRegistry;
  manifest: ModelManifest;
  bytes: Uint8Array;
}): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'test-model-'));
  try {
    const file = path.join(dir, 'model.onnx');
    await writeFile(file, options.bytes);
    await options.registry.publish({
      manifest: options.manifest,
      files: { [options.manifest.diagnosis.file]: file },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
