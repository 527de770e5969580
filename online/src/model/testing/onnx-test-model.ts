/**
 * Small ONNX diagnosis models built in code (onnx-proto), shaped like the trainer's export:
 * `input [N, size] float32 → Softmax(… ) → probabilities [N, classes]`. Tests choose sparse weights
 * to get predictable answers; benchmarks use a seeded dense hidden layer of realistic size.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export interface SparseWeight {
  /** Index into the input vector (see `createDiagnosisInputLayout`). */
  input: number;
  /** Index into the model's classes. */
  output: number;
  weight: number;
}

export interface TestModelOptions {
  inputSize: number;
  classes: number;
  inputName?: string;
  outputName?: string;
  /** A linear model: logits = x·W + bias, with W zero except these entries. */
  weights?: readonly SparseWeight[];
  bias?: readonly number[];
  /**
   * Adds a hidden layer: logits += Relu(x·W1 + b1)·W2 + b2, seeded random weights of `scale`
   * (benchmarks: the compute of a trained MLP; with `weights` as its learned linear part).
   */
  hidden?: { size: number; seed: number; scale?: number };
}

function tensor(name: string, dims: number[], values: Float32Array) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  });
}

function valueInfo(name: string, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })),
        },
      },
    },
  });
}

/** mulberry32: a tiny seeded generator so benchmark models are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function denseLayers(
  options: TestModelOptions & { hidden: { size: number; seed: number; scale?: number } },
) {
  const { inputSize, classes, hidden } = options;
  const { scale = 0.3 } = hidden;
  const random = seededRandom(hidden.seed);
  const fill = (n: number, s: number) =>
    Float32Array.from({ length: n }, () => (random() * 2 - 1) * s);
  const linear = linearLayer(options);
  return {
    initializers: [
      ...linear.initializers,
      tensor('w1', [inputSize, hidden.size], fill(inputSize * hidden.size, scale)),
      tensor('b1', [hidden.size], fill(hidden.size, scale / 3)),
      tensor('w2', [hidden.size, classes], fill(hidden.size * classes, scale)),
      tensor('b2', [classes], fill(classes, scale / 3)),
    ],
    nodes: (input: string) => [
      ...linear.nodes(input, 'lin'),
      onnx.NodeProto.create({ opType: 'MatMul', input: [input, 'w1'], output: ['h0'] }),
      onnx.NodeProto.create({ opType: 'Add', input: ['h0', 'b1'], output: ['h1'] }),
      onnx.NodeProto.create({ opType: 'Relu', input: ['h1'], output: ['h2'] }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['h2', 'w2'], output: ['d0'] }),
      onnx.NodeProto.create({ opType: 'Add', input: ['d0', 'b2'], output: ['d1'] }),
      onnx.NodeProto.create({ opType: 'Add', input: ['lin', 'd1'], output: ['logits'] }),
    ],
  };
}

function linearLayer(options: TestModelOptions) {
  const { inputSize, classes, weights = [], bias = [] } = options;
  const w = new Float32Array(inputSize * classes);
  for (const { input, output, weight } of weights) {
    w[input * classes + output] = weight;
  }
  const b = Float32Array.from({ length: classes }, (_, i) => bias[i] ?? 0);
  return {
    initializers: [tensor('w', [inputSize, classes], w), tensor('b', [classes], b)],
    nodes: (input: string, output = 'logits') => [
      onnx.NodeProto.create({ opType: 'MatMul', input: [input, 'w'], output: ['l0'] }),
      onnx.NodeProto.create({ opType: 'Add', input: ['l0', 'b'], output: [output] }),
    ],
  };
}

/** The serialized model (what the trainer would write as `model.onnx`). */
export function buildTestDiagnosisModel(options: TestModelOptions): Uint8Array {
  const { inputSize, classes, inputName = 'features', outputName = 'probabilities' } = options;
  const { hidden } = options;
  const layers = hidden ? denseLayers({ ...options, hidden }) : linearLayer(options);
  const graph = onnx.GraphProto.create({
    name: 'diagnosis',
    node: [
      ...layers.nodes(inputName),
      onnx.NodeProto.create({
        opType: 'Softmax',
        input: ['logits'],
        output: [outputName],
        attribute: [
          onnx.AttributeProto.create({
            name: 'axis',
            type: onnx.AttributeProto.AttributeType.INT,
            i: 1,
          }),
        ],
      }),
    ],
    initializer: layers.initializers,
    input: [valueInfo(inputName, ['N', inputSize])],
    output: [valueInfo(outputName, ['N', classes])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'mediassist-online-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
