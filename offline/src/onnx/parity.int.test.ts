import { describe, expect, it } from 'vitest';
import {
  createEncoderForward,
  ENCODER_INPUT_NAME,
  ENCODER_OUTPUT_NAME,
} from '../embed/encoder-weights.js';
import { initMlp, seededRandom } from '../train/mlp.js';
import { SparseRowsBuilder } from '../train/sparse-rows.js';
import { diagnosisOnnxBytes, MODEL_INPUT_NAME, MODEL_OUTPUT_NAME } from './diagnosis-onnx.js';
import { encoderOnnxBytes } from './encoder-onnx.js';
import { buildParityFixture, checkParity } from './parity.js';

function randomModel(options: { hidden: number; seed: number }) {
  const random = seededRandom(options.seed);
  const p = initMlp(
    { inputs: 300, hidden: options.hidden, classes: 40 },
    { seed: options.seed, activeInputs: 20 },
  );
  for (const array of [p.w0, p.b, p.w1, p.b1, p.w2]) {
    array.forEach((_, i) => {
      array[i] = (random() * 2 - 1) * 0.8;
    });
  }
  return p;
}

function randomRows(seed: number, count: number) {
  const random = seededRandom(seed);
  const builder = new SparseRowsBuilder(300);
  for (let r = 0; r < count; r++) {
    const v = new Float32Array(300);
    for (let k = 0; k < 25; k++) {
      v[Math.floor(random() * 300)] = random() < 0.7 ? 1 : random() * 2 - 1;
    }
    builder.add(v, r % 40);
  }
  return builder.build();
}

const vocabulary = Array.from({ length: 120 }, (_, i) => `f:finding-${String(i)}`);
function randomEncoder(seed: number) {
  const random = seededRandom(seed);
  return {
    vocabulary,
    dimension: 32,
    projection: Float32Array.from({ length: 120 * 32 }, () => (random() * 2 - 1) * 2),
  };
}

describe('ONNX parity: onnxruntime-node reproduces the training code', () => {
  for (const hidden of [0, 24]) {
    it(`diagnosis model (hidden ${String(hidden)}) and encoder agree within 1e-5 on 2,000 inputs`, async () => {
      const params = randomModel({ hidden, seed: 17 + hidden });
      const encoder = randomEncoder(5);
      const random = seededRandom(9);
      const histories = Array.from({ length: 2000 }, (_, r) =>
        r === 0
          ? []
          : Array.from(
              { length: 1 + Math.floor(random() * 12) },
              () => vocabulary[Math.floor(random() * 120)] ?? '',
            ),
      );
      const fixture = buildParityFixture({
        params,
        temperature: 1.37,
        rows: randomRows(3, 2000),
        encoder,
        histories,
      });
      const report = await checkParity({
        fixture,
        model: {
          bytes: diagnosisOnnxBytes({ params, temperature: 1.37 }),
          inputName: MODEL_INPUT_NAME,
          outputName: MODEL_OUTPUT_NAME,
        },
        encoder: {
          bytes: encoderOnnxBytes(encoder),
          inputName: ENCODER_INPUT_NAME,
          outputName: ENCODER_OUTPUT_NAME,
          vocabulary,
        },
      });
      expect(report.rows).toBe(4000);
      expect(report.modelMaxAbsDiff).toBeLessThanOrEqual(1e-5);
      expect(report.encoderMaxAbsDiff).toBeLessThanOrEqual(1e-5);
      expect(report.pass).toBe(true);
      // The empty history is the zero vector, not NaN (ε in the normalisation).
      expect(fixture.encoder.expected[0]?.every((x) => x === 0)).toBe(true);
      expect(Array.from(createEncoderForward(encoder)(['f:finding-3'])).some((x) => x !== 0)).toBe(
        true,
      );
    });
  }

  it('fails the check when the artefact differs from the weights it claims', async () => {
    const params = randomModel({ hidden: 8, seed: 2 });
    const encoder = randomEncoder(6);
    const fixture = buildParityFixture({
      params,
      temperature: 1,
      rows: randomRows(4, 50),
      encoder,
      histories: [['f:finding-1']],
    });
    const other = randomModel({ hidden: 8, seed: 3 });
    const report = await checkParity({
      fixture,
      model: {
        bytes: diagnosisOnnxBytes({ params: other, temperature: 1 }),
        inputName: MODEL_INPUT_NAME,
        outputName: MODEL_OUTPUT_NAME,
      },
      encoder: {
        bytes: encoderOnnxBytes(encoder),
        inputName: ENCODER_INPUT_NAME,
        outputName: ENCODER_OUTPUT_NAME,
        vocabulary,
      },
    });
    expect(report.pass).toBe(false);
    expect(report.modelMaxAbsDiff).toBeGreaterThan(1e-3);
  });
});
