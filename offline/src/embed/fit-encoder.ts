/**
 * Truncated eigendecomposition of the idf-weighted token co-occurrence matrix (latent semantic
 * analysis over patient histories): G_w = D·G·D with D = diag(idf), idf = ln((1+N)/(1+df)) + 1;
 * the encoder's projection is W = D·U_k, U_k the eigenvectors of the k largest eigenvalues, each
 * signed so its largest-magnitude entry is positive (the same data gives the same encoder).
 * The eigendecomposition is ml-matrix's (JAMA's symmetric Householder + QL).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { EncoderWeights } from './encoder-weights.js';

export interface GramInput {
  vocabulary: readonly string[];
  /** Documents containing each token (same order as the vocabulary). */
  documentFrequency: readonly number[];
  documents: number;
  /** Co-occurrence counts, upper triangle (i ≤ j) or both; the matrix is symmetrised. */
  entries: readonly { i: number; j: number; n: number }[];
}

export interface FitResult {
  weights: EncoderWeights;
  /** Share of the weighted Gram matrix's trace the kept components explain. */
  explainedShare: number;
  eigenvalues: number[];
}

export function idf(documentFrequency: number, documents: number): number {
  return Math.log((1 + documents) / (1 + documentFrequency)) + 1;
}

export function fitEncoder(input: GramInput, dimension: number): FitResult {
  const v = input.vocabulary.length;
  const weight = input.documentFrequency.map((df) => idf(df, input.documents));
  const gram = Matrix.zeros(v, v);
  for (const { i, j, n } of input.entries) {
    const value = (n * (weight[i] ?? 0) * (weight[j] ?? 0)) / Math.max(1, input.documents);
    gram.set(i, j, value);
    gram.set(j, i, value);
  }
  let trace = 0;
  for (let i = 0; i < v; i++) {
    trace += gram.get(i, i);
  }
  const projection = new Float32Array(v * dimension);
  const eigenvalues: number[] = [];
  if (v > 0) {
    const decomposition = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
    const values = decomposition.realEigenvalues;
    const vectors = decomposition.eigenvectorMatrix;
    const order = values
      .map((value, index) => ({ value, index }))
      .sort((a, b) => b.value - a.value || a.index - b.index)
      .slice(0, dimension);
    order.forEach(({ value, index }, k) => {
      eigenvalues.push(value);
      let largest = 0;
      for (let i = 0; i < v; i++) {
        const x = vectors.get(i, index);
        if (Math.abs(x) > Math.abs(largest)) {
          largest = x;
        }
      }
      const sign = largest < 0 ? -1 : 1;
      for (let i = 0; i < v; i++) {
        projection[i * dimension + k] = sign * vectors.get(i, index) * (weight[i] ?? 0);
      }
    });
  }
  const kept = eigenvalues.reduce((s, x) => s + Math.max(0, x), 0);
  return {
    weights: { vocabulary: input.vocabulary, dimension, projection },
    explainedShare: trace > 0 ? kept / trace : 0,
    eigenvalues,
  };
}
