export {
  DiagnosisInputSpecSchema,
  DiagnosisModelSpecSchema,
  EncoderSpecSchema,
  ModelManifestSchema,
  type DiagnosisInputSpec,
  type DiagnosisModelSpec,
  type EncoderSpec,
  type ModelManifest,
} from './manifest.js';
export { createEncoderInputBuilder, encoderTokens, type PatientCodes } from './encoder-input.js';
export {
  ageBand,
  createDiagnosisInputLayout,
  type DiagnosisInputLayout,
  type DiagnosisInputValues,
} from './diagnosis-input.js';
