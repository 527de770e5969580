/**
 * The encoder as ONNX: codes [N, vocabulary] → MatMul(W) → p; ReduceL2(p) → Max(ε) → Div → embedding
 * [N, dimension] (the forward of `createEncoderForward`). Nearline loads it by the manifest's names.
 */
import {
  ENCODER_EPSILON,
  ENCODER_INPUT_NAME,
  ENCODER_OUTPUT_NAME,
  type EncoderWeights,
} from '../embed/encoder-weights.js';
import { floatTensor, modelBytes, node } from './onnx-graph.js';

export function encoderOnnxBytes(weights: EncoderWeights): Uint8Array {
  const v = weights.vocabulary.length;
  const k = weights.dimension;
  return modelBytes({
    name: 'patient-encoder',
    docString: 'MediAssist patient-history encoder: idf-weighted LSA projection, L2-normalised',
    input: { name: ENCODER_INPUT_NAME, width: v },
    output: { name: ENCODER_OUTPUT_NAME, width: k },
    initializers: [
      floatTensor('projection', [v, k], weights.projection),
      floatTensor('epsilon', [1], Float32Array.of(ENCODER_EPSILON)),
    ],
    nodes: [
      node({ op: 'MatMul', inputs: [ENCODER_INPUT_NAME, 'projection'], outputs: ['projected'] }),
      node({
        op: 'ReduceL2',
        inputs: ['projected'],
        outputs: ['norm'],
        attributes: [
          { name: 'axes', ints: [1] },
          { name: 'keepdims', int: 1 },
        ],
      }),
      node({ op: 'Max', inputs: ['norm', 'epsilon'], outputs: ['safe_norm'] }),
      node({ op: 'Div', inputs: ['projected', 'safe_norm'], outputs: [ENCODER_OUTPUT_NAME] }),
    ],
  });
}
