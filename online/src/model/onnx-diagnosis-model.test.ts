import type { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { loadOnnxDiagnosisModel, toProbabilities } from './onnx-diagnosis-model.js';
import { buildTestDiagnosisModel } from './testing/onnx-test-model.js';
import { testManifest } from './testing/test-model.js';

const input = {
  findings: ['fever', 'cough'],
  chronicConditions: ['asthma'],
  recentAcute: [],
  embeddingDimension: 2,
};
const SIZE = 4 + 1 + 5 + 1 + 2 + 2 + 2 + 1;
const manifest = testManifest({ version: 'v1', input, classes: ['influenza', 'common-cold'] });
const knowsCondition = (id: string) => ['influenza', 'common-cold'].includes(id);

async function issueOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as AppError).details[0]?.issue;
  }
}

describe('loadOnnxDiagnosisModel', () => {
  it('loads a model shaped like its manifest and returns one probability per class', async () => {
    const bytes = buildTestDiagnosisModel({
      inputSize: SIZE,
      classes: 2,
      weights: [{ input: 2, output: 1, weight: 6 }],
    });
    const model = await loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition });
    const x = new Float32Array(SIZE);
    x[2] = 1; // cough present
    const p = await model.predict(x);
    expect(p[1]).toBeGreaterThan(0.99);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 5);
    await model.dispose();
    await expect(model.predict(x)).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });

  it('refuses corrupt bytes, a wrong input size, unknown classes and wrong tensor names', async () => {
    const good = buildTestDiagnosisModel({ inputSize: SIZE, classes: 2 });
    expect(
      await issueOf(
        loadOnnxDiagnosisModel({ manifest, bytes: new Uint8Array([1, 2, 3]), knowsCondition }),
      ),
    ).toBe('onnx_load_failed');
    expect(
      await issueOf(
        loadOnnxDiagnosisModel({
          manifest,
          bytes: buildTestDiagnosisModel({ inputSize: SIZE + 1, classes: 2 }),
          knowsCondition,
        }),
      ),
    ).toBe('input_size_mismatch');
    expect(
      await issueOf(loadOnnxDiagnosisModel({ manifest, bytes: good, knowsCondition: () => false })),
    ).toBe('unknown_class');
    expect(
      await issueOf(
        loadOnnxDiagnosisModel({
          manifest,
          bytes: buildTestDiagnosisModel({ inputSize: SIZE, classes: 3 }),
          knowsCondition,
        }),
      ),
    ).toBe('output_size');
    const renamed = { ...manifest, diagnosis: { ...manifest.diagnosis, outputName: 'logits' } };
    expect(
      await issueOf(loadOnnxDiagnosisModel({ manifest: renamed, bytes: good, knowsCondition })),
    ).toBe('not_in_graph');
  });
});

describe('toProbabilities', () => {
  it('accepts a distribution and rejects NaN, negatives and non-normalised output', () => {
    expect(Array.from(toProbabilities({ output: [0.25, 0.75], classes: 2, version: 'v' }))).toEqual(
      [0.25, 0.75],
    );
    for (const output of [
      [Number.NaN, 1],
      [-0.1, 1.1],
      [2, 3],
    ]) {
      expect(() => toProbabilities({ output, classes: 2, version: 'v' })).toThrow(/cannot serve/);
    }
  });

  it('rescales an output that misses 1 by rounding so it sums to 1 (each p / sum as float32)', () => {
    const output = Float32Array.of(0.2, 0.3, 0.4995);
    const sum = output[0]! + output[1]! + output[2]!;
    const scaled = toProbabilities({ output, classes: 3, version: 'v' });
    expect(scaled).toEqual(Float32Array.of(output[0]! / sum, output[1]! / sum, output[2]! / sum));
    expect(scaled).not.toBe(output);
    expect(() => toProbabilities({ output, classes: 2, version: 'v' })).toThrow(/cannot serve/);
  });
});
