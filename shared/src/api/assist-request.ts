/**
 * `POST /api/v1/assist` request body: the patient (pseudonym or EHR id), the presenting findings as
 * knowledge-base ids, codes and/or free text, measured vitals, and the medications to check. Objects
 * are strict, so a field that could carry identifying text (a name) is rejected, not ignored.
 */
import { z } from 'zod';
import { LoincCodeSchema, UcumUnitSchema } from '../events/codes.js';
import { KbRefSchema, PatientRefSchema } from '../events/event-input.js';
import { DrugRefSchema } from '../interactions/drug-ref.js';
import { MAX_TEXT_CHARS } from '../text/limits.js';

/** Most differential items a caller may ask for (can't-miss and red-flag items come on top). */
export const ASSIST_MAX_LIMIT = 30;

export const AssistVitalSchema = z
  .strictObject({
    /** LOINC of the measurement, e.g. `8310-5` body temperature, `8480-6` systolic pressure. */
    loinc: LoincCodeSchema,
    value: z.number(),
    /** UCUM unit, e.g. `Cel`, `[degF]`, `/min`, `mm[Hg]`, `%`. */
    unit: UcumUnitSchema,
  })
  .meta({ id: 'AssistVital' });
export type AssistVital = z.infer<typeof AssistVitalSchema>;

export const AssistRequestSchema = z
  .strictObject({
    /** `{ pseudonym: "pt_…" }`, or `{ sourceId }` pseudonymised at the edge (needs PSEUDONYM_KEY). */
    patient: PatientRefSchema,
    /** Knowledge-base finding ids (`fever`) or codes (`{ system, code }`, e.g. SNOMED CT). */
    findings: z
      .strictObject({
        present: z.array(KbRefSchema).max(100).default([]),
        absent: z.array(KbRefSchema).max(100).default([]),
      })
      .default({ present: [], absent: [] }),
    /** Free text ("cough for 3 days, no fever"): read by the shared extractor, negations included. */
    text: z.string().max(MAX_TEXT_CHARS).optional(),
    /** Measurements; findings the knowledge base defines by a threshold follow from them. */
    vitals: z.array(AssistVitalSchema).max(50).default([]),
    /** Used when the feature store does not know the patient (or is unreachable). */
    age: z.number().int().min(0).max(130).optional(),
    sex: z.enum(['female', 'male']).optional(),
    medications: z
      .strictObject({
        /** RxCUIs or names; merged with the stored active list when the feature store answers. */
        active: z.array(DrugRefSchema).max(100).default([]),
        /** Drugs being considered: checked against the active list and each other. */
        proposed: z.array(DrugRefSchema).max(50).default([]),
      })
      .default({ active: [], proposed: [] }),
    /** Differential items ranked by probability (can't-miss and red-flag items are added). */
    limit: z.number().int().min(1).max(ASSIST_MAX_LIMIT).default(10),
  })
  .meta({ id: 'AssistRequest' });
export type AssistRequest = z.output<typeof AssistRequestSchema>;
export type AssistRequestInput = z.input<typeof AssistRequestSchema>;
