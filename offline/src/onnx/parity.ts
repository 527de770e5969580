/**
 * Parity between the training code and the exported ONNX artefacts: a fixture of inputs with the
 * training code's outputs (the model's probabilities, the encoder's embeddings) is stored with every
 * version (`parity.json`); `checkParity` runs the artefacts in onnxruntime-node on the same inputs
 * and reports the largest absolute difference. The promotion gate re-checks it before promoting.
 */
import { z } from 'zod';
import { createEncoderForward, type EncoderWeights } from '../embed/encoder-weights.js';
import { forwardRow, rowScratch, softmaxInto, type MlpParams } from '../train/mlp.js';
import { denseRow, type SparseRows } from '../train/sparse-rows.js';
import { loadOnnxRunner } from './onnx-runner.js';

export const PARITY_TOLERANCE = 1e-5;

export const ParityFixtureSchema = z.object({
  tolerance: z.number().positive(),
  model: z.object({
    width: z.number().int().positive(),
    classes: z.number().int().positive(),
    inputs: z.array(z.object({ cols: z.array(z.number().int()), vals: z.array(z.number()) })),
    expected: z.array(z.array(z.number())),
  }),
  encoder: z.object({
    vocabulary: z.number().int().positive(),
    dimension: z.number().int().positive(),
    tokens: z.array(z.array(z.string())),
    expected: z.array(z.array(z.number())),
  }),
});
export type ParityFixture = z.infer<typeof ParityFixtureSchema>;

export interface ParityReport {
  rows: number;
  modelMaxAbsDiff: number;
  encoderMaxAbsDiff: number;
  tolerance: number;
  pass: boolean;
}

export function buildParityFixture(options: {
  params: MlpParams;
  temperature: number;
  rows: SparseRows;
  encoder: EncoderWeights;
  histories: readonly (readonly string[])[];
}): ParityFixture {
  const { params, temperature, rows, encoder, histories } = options;
  const s = rowScratch(params);
  const probabilities = new Float64Array(params.classes);
  const at = { rows, r: 0 };
  const inputs: ParityFixture['model']['inputs'] = [];
  const expected: number[][] = [];
  for (let r = 0; r < rows.count; r++) {
    at.r = r;
    forwardRow(params, at, s);
    softmaxInto(s.logits, temperature, probabilities);
    const start = rows.rowStart[r] ?? 0;
    const end = rows.rowStart[r + 1] ?? 0;
    inputs.push({
      cols: Array.from(rows.cols.subarray(start, end)),
      vals: Array.from(rows.vals.subarray(start, end)),
    });
    expected.push(Array.from(probabilities));
  }
  const encode = createEncoderForward(encoder);
  return {
    tolerance: PARITY_TOLERANCE,
    model: { width: rows.width, classes: params.classes, inputs, expected },
    encoder: {
      vocabulary: encoder.vocabulary.length,
      dimension: encoder.dimension,
      tokens: histories.map((t) => [...t]),
      expected: histories.map((t) => Array.from(encode(t))),
    },
  };
}

function maxAbsDiff(actual: Float32Array, expected: readonly (readonly number[])[]): number {
  let max = 0;
  expected.forEach((row, r) => {
    row.forEach((value, k) => {
      const diff = Math.abs((actual[r * row.length + k] ?? Number.NaN) - value);
      max = Number.isNaN(diff) ? Number.POSITIVE_INFINITY : Math.max(max, diff);
    });
  });
  return max;
}

export async function checkParity(options: {
  fixture: ParityFixture;
  model: { bytes: Uint8Array; inputName: string; outputName: string };
  encoder: {
    bytes: Uint8Array;
    inputName: string;
    outputName: string;
    vocabulary: readonly string[];
  };
}): Promise<ParityReport> {
  const { fixture } = options;
  const { width, classes } = fixture.model;
  const modelRunner = await loadOnnxRunner({
    ...options.model,
    inputWidth: width,
    outputWidth: classes,
    label: 'model.onnx',
  });
  const encoderRunner = await loadOnnxRunner({
    ...options.encoder,
    inputWidth: fixture.encoder.vocabulary,
    outputWidth: fixture.encoder.dimension,
    label: 'encoder.onnx',
  });
  try {
    const modelInput = new Float32Array(fixture.model.inputs.length * width);
    fixture.model.inputs.forEach((row, r) => {
      row.cols.forEach((c, k) => {
        modelInput[r * width + c] = row.vals[k] ?? 0;
      });
    });
    const probabilities = await modelRunner.run(modelInput, fixture.model.inputs.length);
    const index = new Map(options.encoder.vocabulary.map((t, i) => [t, i]));
    const v = fixture.encoder.vocabulary;
    const codes = new Float32Array(fixture.encoder.tokens.length * v);
    fixture.encoder.tokens.forEach((tokens, r) => {
      for (const token of tokens) {
        const i = index.get(token);
        if (i !== undefined) {
          codes[r * v + i] = 1;
        }
      }
    });
    const embeddings = await encoderRunner.run(codes, fixture.encoder.tokens.length);
    const modelMaxAbsDiff = maxAbsDiff(probabilities, fixture.model.expected);
    const encoderMaxAbsDiff = maxAbsDiff(embeddings, fixture.encoder.expected);
    return {
      rows: fixture.model.inputs.length + fixture.encoder.tokens.length,
      modelMaxAbsDiff,
      encoderMaxAbsDiff,
      tolerance: fixture.tolerance,
      pass: modelMaxAbsDiff <= fixture.tolerance && encoderMaxAbsDiff <= fixture.tolerance,
    };
  } finally {
    await modelRunner.release();
    await encoderRunner.release();
  }
}

/** Dense copies of some rows (used by tests). */
export function denseRows(rows: SparseRows): Float32Array[] {
  return Array.from({ length: rows.count }, (_, r) => denseRow(rows, r));
}
