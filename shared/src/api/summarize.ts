/**
 * `POST /api/v1/summarize`: a visit note or transcript in, the extractor's structured SOAP summary
 * (or a draft FHIR R4 document Bundle) out. The text limit is the extractor's documented maximum.
 */
import { z } from 'zod';
import { EncounterIdSchema, PatientIdSchema } from '../ids.js';
import { MAX_TEXT_CHARS } from '../text/limits.js';
import { ClinicalSummarySchema } from '../text/summary-schema.js';

/** `summary`: the structured summary (`ClinicalSummary`); `fhir`: a draft FHIR R4 document Bundle. */
export const SUMMARIZE_FORMATS = ['summary', 'fhir'] as const;
export const SummarizeFormatSchema = z.enum(SUMMARIZE_FORMATS);
export type SummarizeFormat = z.infer<typeof SummarizeFormatSchema>;

export const SummarizeRequestSchema = z
  .object({
    /**
     * The note as written: sectioned, free text, or a "Doctor: … Patient: …" transcript. Spans in the
     * answer are UTF-16 offsets into exactly this string. Longer than MAX_TEXT_CHARS → 413.
     */
    text: z
      .string()
      .min(1)
      .max(MAX_TEXT_CHARS)
      .regex(/\S/, { message: 'text is blank' })
      .meta({
        description: `The note text (at most ${String(MAX_TEXT_CHARS)} characters; longer → 413 PAYLOAD_TOO_LARGE). Never logged.`,
      }),
    format: SummarizeFormatSchema.default('summary'),
    /** The patient's pseudonym; when given, the access is audited and the FHIR subject names it. */
    patient: PatientIdSchema.optional(),
    /** The encounter's pseudonym; the FHIR resources reference it when given. */
    encounter: EncounterIdSchema.optional(),
    /**
     * The patient's age in years (fractions for infants: 0.5 = 6 months). Chooses children's
     * vital-sign cut-offs; without it the note's own statement of the age is used, else adult ones.
     */
    ageYears: z.number().min(0).max(130).optional().meta({
      description:
        "The patient's age in years (fractions for infants, e.g. 0.5). Chooses children's vital-sign cut-offs (`vitalCutOffs` in the answer); without it the age the note states is used, else adult cut-offs. Never logged.",
    }),
  })
  .meta({ id: 'SummarizeRequest' });
export type SummarizeRequest = z.input<typeof SummarizeRequestSchema>;

/** The `summary` answer: every item carries `span` and `text`, with `text === input.slice(span)`. */
export const SummarizeSummaryResponseSchema = ClinicalSummarySchema.meta({
  id: 'ClinicalSummary',
  description:
    'What the note says, coded against the knowledge base: findings with their assertion, conditions, vitals, medications, allergies, assessment and plan. Extracted from the text for clinician review; not a diagnosis.',
});

const FhirResourceSchema = z.looseObject({ resourceType: z.string() });

/** The `fhir` answer: a FHIR R4 document Bundle led by a preliminary Composition, then its draft resources. */
export const SummarizeFhirResponseSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('document'),
    identifier: z.object({ system: z.string(), value: z.string() }),
    timestamp: z.string(),
    entry: z.array(z.object({ fullUrl: z.string(), resource: FhirResourceSchema })),
  })
  .meta({
    id: 'FhirDocumentBundle',
    description:
      'FHIR R4 document Bundle: entry[0] is a `preliminary` Composition (SOAP sections), the rest are draft Observations, Conditions, MedicationStatements, AllergyIntolerances, ServiceRequests and Procedures for a clinician to confirm.',
  });
export type SummarizeFhirResponse = z.infer<typeof SummarizeFhirResponseSchema>;

export const SummarizeResponseSchema = z.union([
  SummarizeSummaryResponseSchema,
  SummarizeFhirResponseSchema,
]);
export type SummarizeResponse = z.infer<typeof SummarizeResponseSchema>;

/** FHIR identifier systems for the pseudonyms a draft bundle names its subject and encounter by. */
export const PSEUDONYM_IDENTIFIER_SYSTEMS = {
  patient: 'urn:mediassist:patient-pseudonym',
  encounter: 'urn:mediassist:encounter-pseudonym',
} as const;
