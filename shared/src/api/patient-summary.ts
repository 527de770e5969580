/**
 * The doctor's web app reads a patient before the consultation: `GET /api/v1/patients/{patientId}`
 * (by pseudonym), `POST /api/v1/patients/lookup` (by pseudonym or EHR id, which never goes in a URL)
 * and `GET /api/v1/patients/demo` (a few pseudonyms sampled from the online store, local demo only).
 * Everything comes from the online store's feature views, with each view's freshness.
 */
import { z } from 'zod';
import { PatientIdSchema } from '../ids.js';
import { PatientRefSchema } from '../events/event-input.js';
import { ASSIST_VIEW_STATES } from './assist-response.js';

export const PatientLookupRequestSchema = z
  .strictObject({
    /** `{ pseudonym: "pt_…" }`, or `{ sourceId }` pseudonymised at the edge (needs PSEUDONYM_KEY). */
    patient: PatientRefSchema,
  })
  .meta({ id: 'PatientLookupRequest' });
export type PatientLookupRequest = z.infer<typeof PatientLookupRequestSchema>;

export const PatientPathSchema = z.object({
  patientId: PatientIdSchema.meta({
    param: { name: 'patientId', in: 'path' },
    example: 'pt_0123456789abcdef0123456789abcdef',
  }),
});

const ConditionRefSchema = z.object({
  conditionId: z.string(),
  display: z.string(),
  /** Preferred ICD-10-CM code. */
  icd10: z.string(),
});

const MedicationRefSchema = z.object({
  rxcui: z.string(),
  /** The knowledge base's ingredient name; null for an RxCUI it does not know. */
  name: z.string().nullable(),
});

/** One feature view as read for this answer: its state, when it was computed and its limit. */
export const FeatureFreshnessSchema = z.object({
  view: z.string(),
  status: z.enum(ASSIST_VIEW_STATES),
  asOf: z.string().nullable(),
  ageMs: z.number().nullable(),
  /** The view's staleness limit; older values are still shown, flagged `stale`. */
  maxStalenessMs: z.number().nullable(),
});
export type FeatureFreshness = z.infer<typeof FeatureFreshnessSchema>;

const CareGapItemSchema = z.object({
  serviceId: z.string(),
  title: z.string(),
  grade: z.enum(['A', 'B', 'ACIP']),
  year: z.number().int(),
  status: z.enum(['due', 'overdue', 'open']),
  dueSince: z.string().nullable(),
  sources: z.array(z.string()),
});

export const PatientSummaryResponseSchema = z
  .object({
    patientId: z.string(),
    kbVersion: z.string(),
    /** From the demographics view (birth year only); null when it is missing or unusable. */
    age: z.number().int().nullable(),
    sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
    conditions: z.object({
      /** False when the condition_history view could not be used (lists are then empty). */
      known: z.boolean(),
      chronic: z.array(ConditionRefSchema),
      /** Acute conditions recorded in the last 365 days. */
      recent: z.array(ConditionRefSchema),
    }),
    medications: z.object({
      /** False when the medication_list view could not be used. */
      known: z.boolean(),
      active: z.array(MedicationRefSchema),
    }),
    careGaps: z.object({
      source: z.enum([
        'feature-view',
        'computed-from-features',
        'computed-from-request',
        'unavailable',
      ]),
      items: z.array(CareGapItemSchema),
    }),
    freshness: z.object({
      /** `unavailable`: the online store could not be read in time (every view is unavailable). */
      read: z.enum(['ok', 'unavailable']),
      readAt: z.string(),
      views: z.array(FeatureFreshnessSchema),
      /** Names of views past their staleness limit (still used, flagged). */
      stale: z.array(z.string()),
      /** Names of views with no usable value (missing, incompatible, invalid or unavailable). */
      missing: z.array(z.string()),
    }),
  })
  .meta({ id: 'PatientSummary' });
export type PatientSummaryResponse = z.infer<typeof PatientSummaryResponseSchema>;

export const DemoPatientSchema = z.object({
  patientId: z.string(),
  age: z.number().int().nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
  /** Display names of up to three chronic conditions, to tell the demo patients apart. */
  chronic: z.array(z.string()),
  /** How many active medications are stored. */
  medicationCount: z.number().int().nullable(),
});
export type DemoPatient = z.infer<typeof DemoPatientSchema>;

export const DemoPatientsResponseSchema = z
  .object({
    /** Pseudonyms sampled from the online store (synthetic demo data), ordered by pseudonym. */
    patients: z.array(DemoPatientSchema),
  })
  .meta({ id: 'DemoPatients' });
export type DemoPatientsResponse = z.infer<typeof DemoPatientsResponseSchema>;
