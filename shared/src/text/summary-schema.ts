/**
 * The structured visit summary the text extractor produces: the contract `POST /api/v1/summarize`
 * returns and the evaluation command scores. Every item carries the `[start, end)` span of its source
 * text (UTF-16 offsets into the input) and the matched text.
 */
import { z } from 'zod';
import { CodingSchema } from '../kb/schema.js';

/** ConText-style assertion of a mention. `family` and `hypothetical` never count for the patient. */
export const ASSERTIONS = [
  'present',
  'absent',
  'possible',
  'historical',
  'family',
  'hypothetical',
] as const;
export const AssertionSchema = z.enum(ASSERTIONS);
export type Assertion = z.infer<typeof AssertionSchema>;

/** Who the mention is about. A negated family mention is `absent` with experiencer `family`. */
export const ExperiencerSchema = z.enum(['patient', 'family']);
export type Experiencer = z.infer<typeof ExperiencerSchema>;

export const SECTION_KINDS = [
  'preamble',
  'chief-complaint',
  'hpi',
  'subjective',
  'ros',
  'pmh',
  'surgical-history',
  'medications',
  'allergies',
  'social-history',
  'family-history',
  'exam',
  'objective',
  'vitals',
  'results',
  'assessment',
  'plan',
  'assessment-plan',
  'immunizations',
] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

/** How a lexicon term was matched: verbatim (after normalisation), as an acronym, or as a misspelling. */
export const MatchKindSchema = z.enum(['exact', 'abbreviation', 'fuzzy', 'measurement']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

export const SpeakerSchema = z.enum(['clinician', 'patient', 'other']);
export type Speaker = z.infer<typeof SpeakerSchema>;

export const SpanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end >= s.start, { message: 'span ends before it starts' });
export type Span = z.infer<typeof SpanSchema>;

const evidence = { span: SpanSchema, text: z.string() };

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  /** The header as written (`HPI`, `# Assessment and Plan`); empty for the preamble. */
  title: z.string(),
  /** The whole section, header included. */
  span: SpanSchema,
  /** Where the section's content starts (after the header). */
  contentStart: z.number().int().min(0),
});
export type Section = z.infer<typeof SectionSchema>;

const mentionBase = {
  assertion: AssertionSchema,
  experiencer: ExperiencerSchema,
  section: SectionKindSchema,
  match: MatchKindSchema,
  /** Set in dialogue transcripts. */
  speaker: SpeakerSchema.optional(),
  ...evidence,
};

export const FindingMentionSchema = z.object({
  findingId: z.string(),
  display: z.string(),
  code: CodingSchema,
  ...mentionBase,
});
export type FindingMention = z.infer<typeof FindingMentionSchema>;

export const ConditionMentionSchema = z.object({
  conditionId: z.string(),
  display: z.string(),
  /** Preferred ICD-10-CM code. */
  icd10: z.string(),
  snomed: z.string().optional(),
  ...mentionBase,
});
export type ConditionMention = z.infer<typeof ConditionMentionSchema>;

export const VITAL_KINDS = [
  'heart-rate',
  'respiratory-rate',
  'temperature',
  'oxygen-saturation',
  'weight',
  'height',
  'bmi',
] as const;
export const VitalKindSchema = z.enum(VITAL_KINDS);
export type VitalKind = z.infer<typeof VitalKindSchema>;

export const BloodPressureSchema = z.object({
  kind: z.literal('blood-pressure'),
  loinc: z.literal('85354-9'),
  systolic: z.number(),
  diastolic: z.number(),
  unit: z.literal('mm[Hg]'),
  ...evidence,
});
export type BloodPressure = z.infer<typeof BloodPressureSchema>;

export const MeasurementSchema = z.object({
  kind: VitalKindSchema,
  loinc: z.string(),
  /** Normalised value in `unit` (UCUM): °C, kg, cm, /min, %, kg/m2. */
  value: z.number(),
  unit: z.string(),
  /** As written, when it was converted (e.g. 101.2 `[degF]`). */
  original: z.object({ value: z.number(), unit: z.string() }).optional(),
  ...evidence,
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const VitalSignSchema = z.union([BloodPressureSchema, MeasurementSchema]);
export type VitalSign = z.infer<typeof VitalSignSchema>;

export const MEDICATION_STATUSES = ['current', 'started', 'stopped', 'not-taking'] as const;
export const MedicationStatusSchema = z.enum(MEDICATION_STATUSES);
export type MedicationStatus = z.infer<typeof MedicationStatusSchema>;

export const ROUTES = [
  'oral',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'sublingual',
  'inhalation',
  'topical',
  'rectal',
  'transdermal',
  'nasal',
  'ophthalmic',
  'otic',
  'vaginal',
] as const;
export const RouteSchema = z.enum(ROUTES);
export type Route = z.infer<typeof RouteSchema>;

export const FrequencySchema = z.object({
  /** HL7 GTS acronym where one exists (`QD`, `BID`, `Q8H`, `HS`, `WK`…). */
  code: z.string().optional(),
  timesPerDay: z.number().positive().optional(),
  everyHours: z.number().positive().optional(),
  asNeeded: z.boolean(),
  text: z.string(),
});
export type Frequency = z.infer<typeof FrequencySchema>;

export const QuantitySchema = z.object({ value: z.number(), unit: z.string() });
export type Quantity = z.infer<typeof QuantitySchema>;

export const DurationSchema = z.object({
  value: z.number().positive(),
  unit: z.enum(['h', 'd', 'wk', 'mo', 'a']),
});
export type Duration = z.infer<typeof DurationSchema>;

export const MedicationSchema = z.object({
  /** RxNorm ingredient RxCUI from the KB (brands resolve to their ingredient). */
  rxcui: z.string(),
  name: z.string(),
  status: MedicationStatusSchema,
  /** First quantity after the drug: a dose (`10 mg`) or a strength (`5 mg/mL`). */
  dose: QuantitySchema.optional(),
  route: RouteSchema.optional(),
  frequency: FrequencySchema.optional(),
  duration: DurationSchema.optional(),
  section: SectionKindSchema,
  /** The sig after the drug name, as written. */
  sig: z.object(evidence).optional(),
  ...evidence,
});
export type Medication = z.infer<typeof MedicationSchema>;

export const AllergySubstanceSchema = z.object({
  text: z.string(),
  rxcui: z.string().optional(),
  drugClassId: z.string().optional(),
  name: z.string().optional(),
});

export const AllergySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-known-allergies'), ...evidence }),
  z.object({
    kind: z.literal('substance'),
    substance: AllergySubstanceSchema,
    reaction: z.object({ ...evidence, findingIds: z.array(z.string()) }).optional(),
    ...evidence,
  }),
]);
export type Allergy = z.infer<typeof AllergySchema>;

export const FollowUpIntervalSchema = DurationSchema;

export const PlanItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('test'),
    testId: z.string(),
    display: z.string(),
    code: CodingSchema,
    /** `completed` when the note says it was done at the visit (`conducted`, `performed`, `given`). */
    status: z.enum(['ordered', 'completed']),
    ...evidence,
  }),
  z.object({
    kind: z.literal('referral'),
    /** Canonical specialty (`cardiology`) when recognised, else the words as written. */
    specialty: z.string(),
    ...evidence,
  }),
  z.object({
    kind: z.literal('follow-up'),
    interval: FollowUpIntervalSchema.optional(),
    asNeeded: z.boolean(),
    ...evidence,
  }),
  z.object({
    kind: z.literal('medication'),
    rxcui: z.string(),
    name: z.string(),
    action: z.enum(['start', 'stop', 'continue']),
    ...evidence,
  }),
]);
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const ChiefComplaintSchema = z.object({
  ...evidence,
  findingIds: z.array(z.string()),
});
export type ChiefComplaint = z.infer<typeof ChiefComplaintSchema>;

/**
 * Which vital-sign cut-offs the measured findings (tachycardia from a heart rate, tachypnoea, …) were
 * read against. Children's cut-offs come from the KB's `threshold.byAge` bands (NICE NG143, WHO IMCI,
 * APLS, PALS); with no age, adult cut-offs are used and the summary says so.
 */
export const VitalCutOffsSchema = z.object({
  /** `age-specific`: the patient's age band; `adult`: age 12 or over; `adult-age-unknown`: no age given or stated. */
  basis: z.enum(['age-specific', 'adult', 'adult-age-unknown']),
  /** Age in years used, or null when unknown. */
  ageYears: z.number().min(0).nullable(),
  /** Where the age came from: the caller (`request`), the note's own words (`note`), or nowhere. */
  ageFrom: z.enum(['request', 'note', 'unknown']),
  /** The note's statement of the age, when it came from the note. */
  stated: z.object(evidence).optional(),
  /** For the reader, e.g. that a child's raised heart rate may be missed against adult cut-offs. */
  note: z.string(),
});
export type VitalCutOffs = z.infer<typeof VitalCutOffsSchema>;

export const ClinicalSummarySchema = z.object({
  kbVersion: z.string(),
  textLength: z.number().int().min(0),
  /** True when the text was read as a "Doctor: … Patient: …" transcript. */
  dialogue: z.boolean(),
  chiefComplaint: ChiefComplaintSchema.nullable(),
  /** Every finding mention (CC, HPI, ROS, exam, dialogue…), each with its section and assertion. */
  findings: z.array(FindingMentionSchema),
  /** Condition mentions outside the assessment (PMH, HPI, family history…). */
  conditions: z.array(ConditionMentionSchema),
  vitals: z.array(VitalSignSchema),
  /** The cut-offs behind vital-derived findings (always set by the extractor; optional for older summaries). */
  vitalCutOffs: VitalCutOffsSchema.optional(),
  medications: z.array(MedicationSchema),
  allergies: z.array(AllergySchema),
  /** Condition mentions in Assessment / Impression / A&P sections. */
  assessment: z.array(ConditionMentionSchema),
  plan: z.array(PlanItemSchema),
  sections: z.array(SectionSchema),
});
export type ClinicalSummary = z.infer<typeof ClinicalSummarySchema>;
