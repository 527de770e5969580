/**
 * Small encoders built in code (onnx-proto), shaped like the trainer's export: `input [N, vocabulary]
 * float32 → MatMul(W) → embedding [N, dimension]`, with W chosen by the test (row i = token i's vector).
 */
import { writeFile } from 'node:fs/promises';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export interface TestEncoderOptions {
  vocabulary: readonly string[];
  dimension: number;
  /** Weight of token `row` in output `column`. */
  weight: (row: number, column: number) => number;
  inputName?: string;
  outputName?: string;
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

export function testEncoderBytes(options: TestEncoderOptions): Uint8Array {
  const { vocabulary, dimension } = options;
  const inputName = options.inputName ?? 'codes';
  const outputName = options.outputName ?? 'embedding';
  const weights = Float32Array.from({ length: vocabulary.length * dimension }, (_, i) =>
    options.weight(Math.floor(i / dimension), i % dimension),
  );
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'mediassist-nearline-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'encoder',
      initializer: [
        onnx.TensorProto.create({
          name: 'w',
          dims: [vocabulary.length, dimension],
          dataType: onnx.TensorProto.DataType.FLOAT,
          rawData: new Uint8Array(weights.buffer),
        }),
      ],
      node: [
        onnx.NodeProto.create({ opType: 'MatMul', input: [inputName, 'w'], output: [outputName] }),
      ],
      input: [valueInfo(inputName, ['batch', vocabulary.length])],
      output: [valueInfo(outputName, ['batch', dimension])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

export async function writeTestEncoder(file: string, options: TestEncoderOptions): Promise<void> {
  await writeFile(file, testEncoderBytes(options));
}
