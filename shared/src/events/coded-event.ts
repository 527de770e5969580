/**
 * The one coded form every event takes after the edge: ids and codes only, lists sorted and without
 * duplicates, instants in UTC. It is what the nearline queue holds, what the lake stores and what a
 * dead letter keeps. Producers never build it by hand: `createEventNormalizer` does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EncounterIdSchema, EventIdSchema, PatientIdSchema } from '../ids.js';
import {
  CodingRefSchema,
  Icd10CodeSchema,
  InstantSchema,
  KbIdSchema,
  LoincCodeSchema,
  RxcuiSchema,
  SnomedCodeSchema,
  UcumUnitSchema,
} from './codes.js';

/** Bump on any change to the coded form; readers (workers, the lake) check it. */
export const CODED_EVENT_SCHEMA_VERSION = 1;

function uniqueSorted<TItem extends z.ZodType<string>>(item: TItem, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((items) => items.every((x, i) => i === 0 || (items[i - 1] as string) < x), {
      message: 'must be sorted and without duplicates',
    });
}

export const DIAGNOSIS_CATEGORIES = ['encounter-diagnosis', 'problem-list-item'] as const;
export const VERIFICATION_STATUSES = ['confirmed', 'provisional'] as const;
export const CLINICAL_STATUSES = ['active', 'resolved'] as const;

export const CodedDiagnosisSchema = z
  .strictObject({
    /** The knowledge-base condition, when the code resolves to one. */
    conditionId: KbIdSchema.nullable(),
    icd10: Icd10CodeSchema.nullable(),
    snomed: SnomedCodeSchema.nullable(),
    category: z.enum(DIAGNOSIS_CATEGORIES),
    verification: z.enum(VERIFICATION_STATUSES),
    clinicalStatus: z.enum(CLINICAL_STATUSES),
  })
  .refine((d) => d.conditionId !== null || d.icd10 !== null || d.snomed !== null, {
    message: 'a diagnosis needs a code',
  });
export type CodedDiagnosis = z.infer<typeof CodedDiagnosisSchema>;

export const CodedObservationSchema = z.strictObject({
  loinc: LoincCodeSchema,
  value: z.number(),
  unit: UcumUnitSchema,
  at: InstantSchema,
});
export type CodedObservation = z.infer<typeof CodedObservationSchema>;

/** Where an unresolved code came from; kept with its system and code, counted, never dropped. */
export const UNRESOLVED_FIELDS = [
  'finding',
  'diagnosis',
  'observation',
  'medication',
  'test',
] as const;

export const UnresolvedCodeSchema = CodingRefSchema.extend({
  field: z.enum(UNRESOLVED_FIELDS),
});
export type UnresolvedCode = z.infer<typeof UnresolvedCodeSchema>;

const eventHeader = {
  schemaVersion: z.literal(CODED_EVENT_SCHEMA_VERSION),
  /** Chosen by the producer; the idempotency key. */
  eventId: EventIdSchema,
  patientId: PatientIdSchema,
  encounterId: EncounterIdSchema,
  occurredAt: InstantSchema,
};

export const CodedVisitEventSchema = z.strictObject({
  ...eventHeader,
  kind: z.literal('visit'),
  /** Knowledge-base finding ids, explicitly present or explicitly absent at this visit. */
  findings: z.strictObject({
    present: uniqueSorted(KbIdSchema, 100),
    absent: uniqueSorted(KbIdSchema, 100),
  }),
  diagnoses: z.array(CodedDiagnosisSchema).max(50),
  observations: z.array(CodedObservationSchema).max(100),
  /** Ingredient RxCUIs where the knowledge base resolves them, else the RxCUI given. */
  medications: z.strictObject({
    started: uniqueSorted(RxcuiSchema, 50),
    stopped: uniqueSorted(RxcuiSchema, 50),
  }),
  /** Knowledge-base test ids done at this visit. */
  tests: uniqueSorted(KbIdSchema, 50),
  unresolved: z.array(UnresolvedCodeSchema).max(200),
});
export type CodedVisitEvent = z.infer<typeof CodedVisitEventSchema>;

export const SUGGESTION_KINDS = ['condition', 'test', 'interaction', 'care-gap'] as const;

/** Why a clinician dismissed a suggestion: a closed list, so no free text is ever collected. */
export const DISMISS_REASONS = [
  'not-clinically-relevant',
  'already-considered',
  'ruled-out',
  'already-done',
  'patient-declined',
  'data-incorrect',
  'other',
] as const;

export const SuggestionRefSchema = z.strictObject({
  kind: z.enum(SUGGESTION_KINDS),
  id: KbIdSchema,
});

export const FeedbackSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accepted'), suggestion: SuggestionRefSchema }),
  z.strictObject({
    action: z.literal('dismissed'),
    suggestion: SuggestionRefSchema,
    reason: z.enum(DISMISS_REASONS),
  }),
  z
    .strictObject({
      action: z.literal('final-diagnosis'),
      conditionId: KbIdSchema.nullable(),
      icd10: Icd10CodeSchema.nullable(),
    })
    .refine((f) => f.conditionId !== null || f.icd10 !== null, {
      message: 'a final diagnosis needs a condition or a code',
    }),
]);
export type Feedback = z.infer<typeof FeedbackSchema>;

/** A model version from the registry, or null when the suggestion came from guidelines alone. */
export const ModelVersionSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/)
  .max(64);

export const CodedFeedbackEventSchema = z.strictObject({
  ...eventHeader,
  kind: z.literal('feedback'),
  modelVersion: ModelVersionSchema.nullable(),
  feedback: FeedbackSchema,
});
export type CodedFeedbackEvent = z.infer<typeof CodedFeedbackEventSchema>;

export const CodedEventSchema = z.discriminatedUnion('kind', [
  CodedVisitEventSchema,
  CodedFeedbackEventSchema,
]);
export type CodedEvent = z.infer<typeof CodedEventSchema>;
export type CodedEventKind = CodedEvent['kind'];

/**
 * SHA-256 of the event's canonical JSON (schema key order, sorted lists): the same clinical content
 * always gives the same hash, so a re-sent event is told apart from a different one with the same id.
 */
export function eventContentHash(event: CodedEvent): string {
  const canonical = CodedEventSchema.parse(event);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
