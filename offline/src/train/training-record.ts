/** What `train` records about a candidate (`training.json`), read by `evaluate` for the report and card. */
import { z } from 'zod';
import { SplitSpecSchema } from './data-split.js';

export const TrainingRecordSchema = z.object({
  version: z.string(),
  split: SplitSpecSchema,
  examples: z.object({
    train: z.number().int(),
    /** Training rows the model was fitted on (a sample when there are more than the cap). */
    fitted: z.number().int(),
    validation: z.number().int(),
    /** Examples dropped because the clinician dismissed their coded diagnosis as ruled out. */
    ruledOut: z.number().int(),
    /** Labels taken from clinicians' final-diagnosis feedback, and visits from nearline events. */
    fromFeedback: z.number().int(),
    fromEvents: z.number().int(),
    /** Training rows whose label is not a class (too rare): not used for fitting. */
    unusedRareLabels: z.number().int(),
    from: z.string(),
    to: z.string(),
  }),
  model: z.object({
    inputs: z.number().int(),
    hidden: z.number().int(),
    classes: z.number().int(),
    minClassExamples: z.number().int(),
  }),
  fit: z.object({
    epochs: z.number().int(),
    batchSize: z.number().int(),
    learningRate: z.number(),
    /** Per-epoch learning-rate factor (records written before the schedule: constant, 1). */
    learningRateDecay: z.number().default(1),
    l2: z.number(),
    patience: z.number().int(),
    seed: z.number().int(),
    bestEpoch: z.number().int(),
    history: z.array(
      z.object({
        epoch: z.number().int(),
        trainLoss: z.number(),
        validationLoss: z.number(),
        validationTop1: z.number(),
        seconds: z.number(),
      }),
    ),
  }),
  temperature: z.number().positive(),
  validation: z.object({ nllBefore: z.number(), nllAfter: z.number() }),
  learningCurve: z.array(z.object({ examples: z.number(), top1: z.number(), top3: z.number() })),
  parity: z.object({
    rows: z.number().int(),
    modelMaxAbsDiff: z.number(),
    encoderMaxAbsDiff: z.number(),
    tolerance: z.number(),
    pass: z.boolean(),
  }),
  snapshotHash: z.string(),
  seconds: z.record(z.string(), z.number()),
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;
