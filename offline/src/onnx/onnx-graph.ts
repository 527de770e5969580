/**
 * Small helpers over onnx-proto for the graphs the trainer exports: float32 initialisers as raw
 * little-endian bytes, tensor value infos with a symbolic batch dimension, nodes with attributes.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Opset 13: Gemm, Relu, Div, Softmax (axis = 1), MatMul, ReduceL2 (axes attribute), Max. */
export const OPSET = 13;
export const IR_VERSION = 8;

export type OnnxTensor = ReturnType<typeof onnx.TensorProto.create>;
export type OnnxNode = ReturnType<typeof onnx.NodeProto.create>;

function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return bytes;
}

export function floatTensor(
  name: string,
  dims: readonly number[],
  values: Float32Array,
): OnnxTensor {
  return onnx.TensorProto.create({
    name,
    dims: [...dims],
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: littleEndianBytes(values),
  });
}

export function valueInfo(name: string, dims: readonly (number | string)[]) {
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

type Attribute = { name: string; int: number } | { name: string; ints: readonly number[] };

export function node(options: {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: readonly Attribute[];
}): OnnxNode {
  return onnx.NodeProto.create({
    opType: options.op,
    input: [...options.inputs],
    output: [...options.outputs],
    name: options.outputs[0] ?? options.op,
    attribute: (options.attributes ?? []).map((a) =>
      'int' in a
        ? onnx.AttributeProto.create({
            name: a.name,
            type: onnx.AttributeProto.AttributeType.INT,
            i: a.int,
          })
        : onnx.AttributeProto.create({
            name: a.name,
            type: onnx.AttributeProto.AttributeType.INTS,
            ints: [...a.ints],
          }),
    ),
  });
}

export function modelBytes(options: {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  input: { name: string; width: number };
  output: { name: string; width: number };
  docString?: string;
}): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'mediassist-offline',
    opsetImport: [{ domain: '', version: OPSET }],
    docString: options.docString ?? '',
    graph: {
      name: options.name,
      node: [...options.nodes],
      initializer: [...options.initializers],
      input: [valueInfo(options.input.name, ['N', options.input.width])],
      output: [valueInfo(options.output.name, ['N', options.output.width])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
