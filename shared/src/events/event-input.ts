/**
 * What producers send (the online API's bodies, the bulk CLI's lines) before normalisation: a compact
 * JSON visit or feedback event. Patient and encounter are pseudonyms or source ids (pseudonymised at
 * the edge); findings, diagnoses and tests may be knowledge-base ids or codes. Objects are strict, so
 * a field that could carry free text (a note, a name) is rejected rather than dropped.
 */
import { z } from 'zod';
import {
  EncounterIdSchema,
  EventIdSchema,
  PatientIdSchema,
  SourcePatientIdSchema,
} from '../ids.js';
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
import {
  CLINICAL_STATUSES,
  DIAGNOSIS_CATEGORIES,
  FeedbackSchema,
  ModelVersionSchema,
  VERIFICATION_STATUSES,
} from './coded-event.js';

/** The patient: its pseudonym (`pt_…`), or the EHR's id, which the edge pseudonymises and drops. */
export const PatientRefSchema = z.union([
  z.strictObject({ pseudonym: PatientIdSchema }),
  z.strictObject({ sourceId: SourcePatientIdSchema }),
]);
export type PatientRef = z.infer<typeof PatientRefSchema>;

/** The encounter: its pseudonym (`en_…`), or the EHR's id, pseudonymised at the edge. */
export const EncounterRefSchema = z.union([
  z.strictObject({ pseudonym: EncounterIdSchema }),
  z.strictObject({ sourceId: z.string().min(1).max(128) }),
]);
export type EncounterRef = z.infer<typeof EncounterRefSchema>;

/** A knowledge-base id (`fever`) or a code (`{ system: 'http://snomed.info/sct', code: '386661006' }`). */
export const KbRefSchema = z.union([KbIdSchema, CodingRefSchema]);
export type KbRef = z.infer<typeof KbRefSchema>;

export const DiagnosisInputSchema = z
  .strictObject({
    conditionId: KbIdSchema.optional(),
    icd10: Icd10CodeSchema.optional(),
    snomed: SnomedCodeSchema.optional(),
    category: z.enum(DIAGNOSIS_CATEGORIES).default('encounter-diagnosis'),
    verification: z.enum(VERIFICATION_STATUSES).default('confirmed'),
    clinicalStatus: z.enum(CLINICAL_STATUSES).default('active'),
  })
  .refine((d) => d.conditionId !== undefined || d.icd10 !== undefined || d.snomed !== undefined, {
    message: 'give conditionId, icd10 or snomed',
  });
export type DiagnosisInput = z.input<typeof DiagnosisInputSchema>;

export const ObservationInputSchema = z.strictObject({
  loinc: LoincCodeSchema,
  value: z.number(),
  unit: UcumUnitSchema,
  /** When measured; defaults to the visit's `occurredAt`. */
  at: InstantSchema.optional(),
});

const eventHeaderInput = {
  eventId: EventIdSchema,
  patient: PatientRefSchema,
  encounter: EncounterRefSchema,
  occurredAt: InstantSchema,
};

export const VisitEventInputSchema = z
  .strictObject({
    ...eventHeaderInput,
    findings: z
      .strictObject({
        present: z.array(KbRefSchema).max(100).default([]),
        absent: z.array(KbRefSchema).max(100).default([]),
      })
      .default({ present: [], absent: [] }),
    diagnoses: z.array(DiagnosisInputSchema).max(50).default([]),
    /** Vital signs and laboratory results. */
    observations: z.array(ObservationInputSchema).max(100).default([]),
    medications: z
      .strictObject({
        started: z.array(RxcuiSchema).max(50).default([]),
        stopped: z.array(RxcuiSchema).max(50).default([]),
      })
      .default({ started: [], stopped: [] }),
    /** Tests, exams and immunisations done at the visit. */
    tests: z.array(KbRefSchema).max(50).default([]),
  })
  .meta({ id: 'VisitEvent' });
export type VisitEventInput = z.input<typeof VisitEventInputSchema>;
export type ParsedVisitEventInput = z.output<typeof VisitEventInputSchema>;

export const FeedbackEventInputSchema = z
  .strictObject({
    ...eventHeaderInput,
    /** The registry version behind the suggestion; null when it came from guidelines alone. */
    modelVersion: ModelVersionSchema.nullable(),
    feedback: FeedbackSchema,
  })
  .meta({ id: 'FeedbackEvent' });
export type FeedbackEventInput = z.input<typeof FeedbackEventInputSchema>;
export type ParsedFeedbackEventInput = z.output<typeof FeedbackEventInputSchema>;

/** The online API's answer to an accepted event. */
export const EventAcceptedSchema = z
  .object({
    eventId: EventIdSchema,
    /** True when this event id was already accepted with the same content (nothing new happens). */
    duplicate: z.boolean(),
  })
  .meta({ id: 'EventAccepted' });
export type EventAccepted = z.infer<typeof EventAcceptedSchema>;
