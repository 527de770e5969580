/**
 * The diagnosis model as ONNX, with the calibration temperature folded in:
 *   features [N, inputs] → Gemm(W0, b) ─────────────────────────────┐
 *                        → Gemm(W1, b1) → Relu → Gemm(W2) ─────── Add → Div(T) → Softmax(axis 1)
 *   → probabilities [N, classes]. Without a hidden layer the deep branch is left out.
 */
import type { MlpParams } from '../train/mlp.js';
import { floatTensor, modelBytes, node, type OnnxNode, type OnnxTensor } from './onnx-graph.js';

export const MODEL_INPUT_NAME = 'features';
export const MODEL_OUTPUT_NAME = 'probabilities';

export function diagnosisOnnxBytes(options: {
  params: MlpParams;
  temperature: number;
}): Uint8Array {
  const { params: p, temperature } = options;
  const initializers: OnnxTensor[] = [
    floatTensor('w0', [p.inputs, p.classes], p.w0),
    floatTensor('b', [p.classes], p.b),
    floatTensor('temperature', [1], Float32Array.of(temperature)),
  ];
  const nodes: OnnxNode[] = [
    node({ op: 'Gemm', inputs: [MODEL_INPUT_NAME, 'w0', 'b'], outputs: ['wide'] }),
  ];
  let logits = 'wide';
  if (p.hidden > 0) {
    initializers.push(
      floatTensor('w1', [p.inputs, p.hidden], p.w1),
      floatTensor('b1', [p.hidden], p.b1),
      floatTensor('w2', [p.hidden, p.classes], p.w2),
    );
    nodes.push(
      node({ op: 'Gemm', inputs: [MODEL_INPUT_NAME, 'w1', 'b1'], outputs: ['hidden_pre'] }),
      node({ op: 'Relu', inputs: ['hidden_pre'], outputs: ['hidden'] }),
      node({ op: 'MatMul', inputs: ['hidden', 'w2'], outputs: ['deep'] }),
      node({ op: 'Add', inputs: ['wide', 'deep'], outputs: ['logits'] }),
    );
    logits = 'logits';
  }
  nodes.push(
    node({ op: 'Div', inputs: [logits, 'temperature'], outputs: ['scaled'] }),
    node({
      op: 'Softmax',
      inputs: ['scaled'],
      outputs: [MODEL_OUTPUT_NAME],
      attributes: [{ name: 'axis', int: 1 }],
    }),
  );
  return modelBytes({
    name: 'diagnosis',
    docString: 'MediAssist diagnosis model: wide-and-deep softmax, temperature-scaled',
    input: { name: MODEL_INPUT_NAME, width: p.inputs },
    output: { name: MODEL_OUTPUT_NAME, width: p.classes },
    initializers,
    nodes,
  });
}
