/**
 * The patient-embedding encoder's weights and its reference forward pass (the ONNX export computes
 * exactly this): e = p / max(‖p‖₂, ε) with p = x·W, x the multi-hot over the vocabulary
 * (`createEncoderInputBuilder`) and W the idf-weighted top eigenvectors of the token Gram matrix.
 */
import { z } from 'zod';
import { SplitSpecSchema } from '../train/data-split.js';

export const ENCODER_EPSILON = 1e-6;
export const ENCODER_INPUT_NAME = 'codes';
export const ENCODER_OUTPUT_NAME = 'embedding';

export interface EncoderWeights {
  readonly vocabulary: readonly string[];
  readonly dimension: number;
  /** Row-major [vocabulary × dimension], idf folded in. */
  readonly projection: Float32Array;
}

/** How an encoder's weights are stored in a candidate folder (`encoder.json`). */
export const StoredEncoderSchema = z.object({
  vocabulary: z.array(z.string()),
  dimension: z.number().int().positive(),
  /** Base64 of the little-endian float32 projection. */
  projection: z.string(),
  /** The split the encoder was fitted on; every later stage of the candidate uses it. */
  split: SplitSpecSchema,
  fit: z.record(z.string(), z.unknown()),
});
export type StoredEncoder = z.infer<typeof StoredEncoderSchema>;

export function storeEncoder(options: {
  weights: EncoderWeights;
  split: StoredEncoder['split'];
  fit: Record<string, unknown>;
}): StoredEncoder {
  const { weights, split, fit } = options;
  const bytes = Buffer.from(
    weights.projection.buffer,
    weights.projection.byteOffset,
    weights.projection.byteLength,
  );
  return {
    vocabulary: [...weights.vocabulary],
    dimension: weights.dimension,
    projection: bytes.toString('base64'),
    split,
    fit,
  };
}

export function loadStoredEncoder(stored: StoredEncoder): EncoderWeights {
  const bytes = Buffer.from(stored.projection, 'base64');
  const projection = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(projection.buffer).set(bytes);
  return { vocabulary: stored.vocabulary, dimension: stored.dimension, projection };
}

/** Builds the forward pass once: token list → embedding (unknown tokens ignored, duplicates once). */
export function createEncoderForward(
  weights: EncoderWeights,
): (tokens: readonly string[]) => Float32Array {
  const index = new Map(weights.vocabulary.map((t, i) => [t, i]));
  const k = weights.dimension;
  const { projection } = weights;
  return (tokens) => {
    const sum = new Float64Array(k);
    const seen = new Set<number>();
    for (const token of tokens) {
      const row = index.get(token);
      if (row === undefined || seen.has(row)) {
        continue;
      }
      seen.add(row);
      for (let j = 0; j < k; j++) {
        sum[j] = (sum[j] ?? 0) + (projection[row * k + j] ?? 0);
      }
    }
    // ONNX computes in float32: round the sum first so the norm is taken of the same numbers.
    const p = Float32Array.from(sum);
    let squares = 0;
    for (const v of p) {
      squares += v * v;
    }
    const norm = Math.max(Math.sqrt(squares), ENCODER_EPSILON);
    return Float32Array.from(p, (v) => v / norm);
  };
}
