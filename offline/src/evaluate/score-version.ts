/**
 * Scores examples with a model version's artefacts in onnxruntime-node, the way the tiers serve it:
 * the history through `encoder.onnx` (nearline's embedding), then the serving layout of the
 * manifest through `model.onnx` (online's differential). Rows are processed in chunks.
 */
import {
  createDiagnosisInputLayout,
  createEncoderInputBuilder,
  type ModelManifest,
} from '@mediassist/shared/model';
import { loadOnnxRunner } from '../onnx/onnx-runner.js';
import { exampleInput } from '../train/featurize.js';
import type { Example } from '../train/load-examples.js';
import { rankProbabilities, type RankedPrediction } from './metrics.js';

export interface VersionArtefacts {
  manifest: ModelManifest;
  model: Uint8Array;
  encoder: Uint8Array;
}

const CHUNK = 4096;

export async function scoreVersion(options: {
  artefacts: VersionArtefacts;
  examples: readonly Example[];
  signal?: AbortSignal;
}): Promise<RankedPrediction[]> {
  const { manifest } = options.artefacts;
  const encoderSpec = manifest.encoder;
  const spec = manifest.diagnosis;
  const layout = createDiagnosisInputLayout(spec.input);
  const buildCodes = createEncoderInputBuilder(encoderSpec);
  const encoder = await loadOnnxRunner({
    bytes: options.artefacts.encoder,
    inputName: encoderSpec.inputName,
    outputName: encoderSpec.outputName,
    inputWidth: encoderSpec.vocabulary.length,
    outputWidth: encoderSpec.dimension,
    label: `encoder.onnx of ${manifest.version}`,
  });
  const model = await loadOnnxRunner({
    bytes: options.artefacts.model,
    inputName: spec.inputName,
    outputName: spec.outputName,
    inputWidth: layout.size,
    outputWidth: spec.classes.length,
    label: `model.onnx of ${manifest.version}`,
  });
  const predictions: RankedPrediction[] = [];
  try {
    const v = encoderSpec.vocabulary.length;
    const k = encoderSpec.dimension;
    for (let start = 0; start < options.examples.length; start += CHUNK) {
      options.signal?.throwIfAborted();
      const chunk = options.examples.slice(start, start + CHUNK);
      const codes = new Float32Array(chunk.length * v);
      chunk.forEach((e, i) => {
        codes.set(buildCodes(e.history), i * v);
      });
      const embeddings = await encoder.run(codes, chunk.length);
      const inputs = new Float32Array(chunk.length * layout.size);
      chunk.forEach((example, i) => {
        const embedding = embeddings.subarray(i * k, (i + 1) * k);
        inputs.set(exampleInput({ layout, example, embedding }), i * layout.size);
      });
      const probabilities = await model.run(inputs, chunk.length);
      chunk.forEach((_, i) => {
        predictions.push(
          rankProbabilities({
            probabilities,
            offset: i * spec.classes.length,
            classes: spec.classes,
          }),
        );
      });
    }
    return predictions;
  } finally {
    await encoder.release();
    await model.release();
  }
}
