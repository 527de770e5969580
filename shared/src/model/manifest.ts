/**
 * The model manifest: the contract between offline training (writes it), nearline (re-embeds with the
 * encoder) and online (runs the diagnosis model). Input layouts are declared here as vocabularies;
 * `buildEncoderInput` and `buildDiagnosisInput` turn feature values into the exact tensors.
 */
import { z } from 'zod';

export const EncoderSpecSchema = z.object({
  file: z.string().min(1),
  inputName: z.string().min(1),
  outputName: z.string().min(1),
  /** Tokens `c:<chronic condition>`, `a:<recent acute condition>`, `m:<ingredient rxcui>`, `f:<finding>`. */
  vocabulary: z.array(z.string().regex(/^[camf]:[a-z0-9-]+$/)).min(1),
  dimension: z.number().int().positive(),
});
export type EncoderSpec = z.infer<typeof EncoderSpecSchema>;

export const DiagnosisInputSpecSchema = z.object({
  /** Two slots each, in this order: present, absent. */
  findings: z.array(z.string().min(1)),
  chronicConditions: z.array(z.string().min(1)),
  recentAcute: z.array(z.string().min(1)),
  embeddingDimension: z.number().int().min(0),
});
export type DiagnosisInputSpec = z.infer<typeof DiagnosisInputSpecSchema>;

export const DiagnosisModelSpecSchema = z.object({
  file: z.string().min(1),
  inputName: z.string().min(1),
  outputName: z.string().min(1),
  input: DiagnosisInputSpecSchema,
  /** KB condition ids in output order. */
  classes: z.array(z.string().min(1)).min(2),
  /** Calibration temperature already folded into the exported graph; kept for the record. */
  temperature: z.number().positive(),
});
export type DiagnosisModelSpec = z.infer<typeof DiagnosisModelSpecSchema>;

export const ModelManifestSchema = z.object({
  version: z.string().regex(/^[A-Za-z0-9._-]+$/),
  createdAt: z.iso.datetime(),
  kbVersion: z.string().min(1),
  trainingData: z.object({
    /** Hash of the training examples' content: same data, same hash. */
    snapshotHash: z.string().min(8),
    examples: z.number().int().nonnegative(),
    from: z.iso.date(),
    to: z.iso.date(),
  }),
  encoder: EncoderSpecSchema,
  diagnosis: DiagnosisModelSpecSchema,
  /** Evaluation metrics on the held-out set (top1, top3, top10, ece, macroRecall, baseline_*…). */
  metrics: z.record(z.string(), z.number()),
});
export type ModelManifest = z.infer<typeof ModelManifestSchema>;
