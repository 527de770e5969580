/** The patient-embedding encoder's input: a multi-hot vector over the manifest's code vocabulary. */
import type { EncoderSpec } from './manifest.js';

export interface PatientCodes {
  chronic: readonly string[];
  recentAcute: readonly string[];
  rxcuis: readonly string[];
  findings: readonly string[];
}

export function encoderTokens(codes: PatientCodes): string[] {
  return [
    ...codes.chronic.map((c) => `c:${c}`),
    ...codes.recentAcute.map((c) => `a:${c}`),
    ...codes.rxcuis.map((m) => `m:${m}`),
    ...codes.findings.map((f) => `f:${f}`),
  ];
}

/** Build once per manifest; returns a function that fills a fresh Float32Array. Unknown codes are ignored. */
export function createEncoderInputBuilder(
  spec: Pick<EncoderSpec, 'vocabulary'>,
): (codes: PatientCodes) => Float32Array {
  const index = new Map(spec.vocabulary.map((token, i) => [token, i]));
  return (codes) => {
    const vector = new Float32Array(spec.vocabulary.length);
    for (const token of encoderTokens(codes)) {
      const i = index.get(token);
      if (i !== undefined) {
        vector[i] = 1;
      }
    }
    return vector;
  };
}
