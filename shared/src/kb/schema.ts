/**
 * The clinical knowledge base's file formats. Every entry names its sources (ids into sources.json).
 * Data files live in ./data/*.json; `loadKnowledgeBase()` validates them against these schemas and
 * checks referential integrity at start-up.
 */
import { z } from 'zod';

/** kebab-case identifiers used as foreign keys across files, e.g. `community-acquired-pneumonia`. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** Ids of entries in sources.json. At least one per entry. */
export const SourceRefsSchema = z.array(SlugSchema).min(1);

export const CODE_SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  umls: 'http://www.nlm.nih.gov/research/umls',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** MediAssist's own finding codes, for findings with no reliably known standard code. */
  mediassist: 'urn:mediassist:kb:finding',
} as const;
export const CodeSystemSchema = z.enum(Object.values(CODE_SYSTEMS) as [string, ...string[]]);

export const CodingSchema = z.object({
  system: CodeSystemSchema,
  code: z.string().min(1),
  display: z.string().min(1).optional(),
});
export type Coding = z.infer<typeof CodingSchema>;

/** ICD-10-CM with its dot, e.g. `J18.9`. */
export const Icd10CodeSchema = z.string().regex(/^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/);

export const BODY_SYSTEMS = [
  'general',
  'cardiovascular',
  'respiratory',
  'gastrointestinal',
  'genitourinary',
  'renal',
  'musculoskeletal',
  'neurological',
  'psychiatric',
  'dermatological',
  'endocrine',
  'hematological',
  'infectious',
  'ent',
  'ophthalmological',
  'reproductive',
  'immunological',
  'oncological',
] as const;
export const BodySystemSchema = z.enum(BODY_SYSTEMS);

/** Triage level, most urgent first. */
export const URGENCIES = ['emergency', 'urgent', 'soon', 'routine'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

export const AGE_BANDS = ['0-4', '5-17', '18-39', '40-64', '65+'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

export const SexSchema = z.enum(['female', 'male']);
export type Sex = z.infer<typeof SexSchema>;

const perAgeBand = z.object(
  Object.fromEntries(AGE_BANDS.map((b) => [b, z.number().min(0)])) as Record<AgeBand, z.ZodNumber>,
);

// ─── sources.json ──────────────────────────────────────────────────────────────────────────────
export const SourceSchema = z.object({
  id: SlugSchema,
  title: z.string().min(1),
  publisher: z.string().min(1),
  year: z.number().int().min(1950).max(2030),
  url: z.url().optional(),
  /** Licence or terms under which facts were taken (e.g. `public domain`, `CC BY 4.0`, `facts cited`). */
  licence: z.string().min(1),
});
export type Source = z.infer<typeof SourceSchema>;

// ─── conditions.json ───────────────────────────────────────────────────────────────────────────
export const ConditionSchema = z.object({
  id: SlugSchema,
  display: z.string().min(1),
  /** Other names and abbreviations clinicians write (e.g. `htn`, `high blood pressure`). Lower case. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Codes validated against CDC's ICD-10-CM FY2021; the first is the preferred code. */
  icd10: z.array(Icd10CodeSchema).min(1),
  snomed: z
    .string()
    .regex(/^\d{6,18}$/)
    .optional(),
  /**
   * A code in `icd10` or `snomed` belongs to one condition only, so coded records resolve to one
   * condition. A code deliberately shared with another condition is listed here with the condition a
   * lookup resolves it to (which must itself list the code); the integrity check enforces both.
   */
  sharedCodes: z
    .array(
      z.object({
        system: z.enum(['icd10', 'snomed']),
        code: z.string().min(1),
        resolvesTo: SlugSchema,
      }),
    )
    .optional(),
  /** `acute`: presents at a visit and resolves; `chronic`: persists on the problem list. */
  course: z.enum(['acute', 'chronic']),
  bodySystem: BodySystemSchema,
  urgency: UrgencySchema,
  /** Dangerous if missed: always surfaced when plausible, whatever its probability rank. */
  cantMiss: z.boolean(),
  /**
   * Prior: annual primary-care presentations (acute) or prevalence (chronic) per 1,000 people, by
   * sex and age band. Used by the guideline-only ranking and by the synthetic generator.
   */
  prior: z.object({ female: perAgeBand, male: perAgeBand }),
  /** Chronic conditions that raise this one's odds, with an odds multiplier (e.g. asthma → exacerbation). */
  riskFactors: z
    .array(z.object({ condition: SlugSchema, oddsRatio: z.number().positive() }))
    .default([]),
  sources: SourceRefsSchema,
});
export type Condition = z.infer<typeof ConditionSchema>;

// ─── findings.json ─────────────────────────────────────────────────────────────────────────────
export const FindingSchema = z.object({
  id: SlugSchema,
  display: z.string().min(1),
  /** SNOMED CT where known, else a UMLS CUI (e.g. from the Columbia KB), LOINC for lab/vital abnormalities' measurement. */
  code: CodingSchema,
  kind: z.enum(['symptom', 'sign', 'vital', 'lab', 'history']),
  bodySystem: BodySystemSchema,
  /** Clinical synonyms and abbreviations used in notes (e.g. `pyrexia`, `SOB`). Lower case. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** Patients' words (e.g. `running a temperature`). Lower case. */
  layTerms: z.array(z.string().min(1)).default([]),
  /** P(finding) among primary-care presentations without a KB condition explaining it (the noisy-OR leak). */
  baseRate: z.number().min(0).max(1),
  /** A red flag escalates urgency on its own. */
  redFlag: z.boolean().default(false),
  /** For vital/lab abnormalities: the measurement and threshold that define the finding. */
  threshold: z
    .object({
      loinc: z.string().min(1),
      comparator: z.enum(['>', '>=', '<', '<=']),
      value: z.number(),
      unit: z.string().min(1),
      /**
       * Children's cut-offs (same comparator and unit), youngest band first: the first band whose
       * `belowAgeYears` exceeds the patient's age replaces `value`; from the last band's age on,
       * `value` (the adult cut-off) applies. Each band names its sources.
       */
      byAge: z
        .array(
          z.object({
            belowAgeYears: z.number().positive(),
            value: z.number(),
            sources: SourceRefsSchema,
          }),
        )
        .optional(),
    })
    .optional(),
  sources: SourceRefsSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

// ─── associations.json ─────────────────────────────────────────────────────────────────────────
export const AssociationSchema = z.object({
  condition: SlugSchema,
  finding: SlugSchema,
  /** Sensitivity-like P(finding present | condition), in (0, 1). */
  likelihood: z.number().gt(0).lt(1),
  sources: SourceRefsSchema,
});
export type Association = z.infer<typeof AssociationSchema>;

// ─── red-flags.json ────────────────────────────────────────────────────────────────────────────
export const RedFlagRuleSchema = z.object({
  id: SlugSchema,
  /** All of these findings present (one finding = a single red flag). */
  allFindings: z.array(SlugSchema).min(1),
  minAge: z.number().int().min(0).optional(),
  maxAge: z.number().int().min(0).optional(),
  escalateTo: UrgencySchema,
  /** Conditions to keep on the differential when the rule fires. */
  consider: z.array(SlugSchema).default([]),
  /** Short, clinician-facing advice (no patient data). */
  advice: z.string().min(1),
  sources: SourceRefsSchema,
});
export type RedFlagRule = z.infer<typeof RedFlagRuleSchema>;

// ─── drug-classes.json, drugs.json ─────────────────────────────────────────────────────────────
export const DrugClassSchema = z.object({
  id: SlugSchema,
  display: z.string().min(1),
  sources: SourceRefsSchema,
});
export type DrugClass = z.infer<typeof DrugClassSchema>;

/**
 * Another name a drug is written by, outside US naming: an international name (rINN or BAN, e.g.
 * paracetamol for acetaminophen), a former name still written (frusemide), a compound name that
 * names this ingredient with others (co-amoxiclav: amoxicillin and clavulanate; listed on each), or
 * an abbreviation (GTN). Each names its source (WHO INN lists, BNF).
 */
export const DRUG_SYNONYM_KINDS = ['international', 'former', 'compound', 'abbreviation'] as const;
export const DrugSynonymSchema = z.object({
  /** Lower case, as written in notes. */
  name: z.string().min(1),
  kind: z.enum(DRUG_SYNONYM_KINDS),
  sources: SourceRefsSchema,
});
export type DrugSynonym = z.infer<typeof DrugSynonymSchema>;

export const DrugSchema = z.object({
  /** RxNorm ingredient (IN) RxCUI. */
  rxcui: z.string().regex(/^\d+$/),
  name: z.string().min(1),
  classes: z.array(SlugSchema).min(1),
  /** Brand names that resolve to this ingredient (lower case). */
  brands: z.array(z.string().min(1)).default([]),
  /** International, former and compound names and abbreviations (since KB 0.5.1; absent: none). */
  synonyms: z.array(DrugSynonymSchema).optional(),
  /** Other RxCUIs (SCD, SBD, brand IN) that resolve to this ingredient. */
  relatedRxcuis: z.array(z.string().regex(/^\d+$/)).default([]),
  /** Typical adult oral dose text for notes and the generator, e.g. `10 mg once daily`. */
  typicalDose: z.string().min(1).optional(),
  sources: SourceRefsSchema,
});
export type Drug = z.infer<typeof DrugSchema>;

// ─── treatments.json: usual drug treatment of a condition (for the generator and chronic-care alerts) ─
export const TreatmentSchema = z.object({
  condition: SlugSchema,
  /** Ingredient RxCUIs (drugs.json), in order of preference. */
  drugs: z.array(z.string().regex(/^\d+$/)).min(1),
  line: z.enum(['first', 'second', 'symptomatic']),
  sources: SourceRefsSchema,
});
export type Treatment = z.infer<typeof TreatmentSchema>;

// ─── interactions.json ─────────────────────────────────────────────────────────────────────────
export const DrugSelectorSchema = z
  .object({
    rxcuis: z.array(z.string().regex(/^\d+$/)).default([]),
    classes: z.array(SlugSchema).default([]),
  })
  .refine((s) => s.rxcuis.length + s.classes.length > 0, { message: 'selector matches nothing' });
export type DrugSelector = z.infer<typeof DrugSelectorSchema>;

export const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const InteractionSchema = z.object({
  id: SlugSchema,
  /** Symmetric: a drug matching `a` together with a drug matching `b`. */
  a: DrugSelectorSchema,
  b: DrugSelectorSchema,
  /**
   * Three-drug interactions (e.g. the NSAID + ACE inhibitor/ARB + diuretic "triple whammy"): the rule
   * fires for an `a` × `b` pair only when a third input drug matches this selector too.
   */
  also: DrugSelectorSchema.optional(),
  severity: SeveritySchema,
  mechanism: z.string().min(1),
  consequence: z.string().min(1),
  management: z.string().min(1),
  /** Set for the ONC high-priority list (Phansalkar 2012): its group id. */
  oncGroup: z.number().int().positive().optional(),
  sources: SourceRefsSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;

// ─── tests.json ────────────────────────────────────────────────────────────────────────────────
export const TestSchema = z.object({
  id: SlugSchema,
  display: z.string().min(1),
  kind: z.enum([
    'lab',
    'imaging',
    'exam',
    'procedure',
    'referral',
    'immunization',
    'screening-tool',
  ]),
  /** Codes that record the test was done (LOINC, CPT, SNOMED procedure, CVX). The first is preferred. */
  codes: z.array(CodingSchema).min(1),
  sources: SourceRefsSchema,
});
export type Test = z.infer<typeof TestSchema>;

// ─── guideline-rules.json: what to do next for a presentation ─────────────────────────────────
export const GuidelineRuleSchema = z.object({
  id: SlugSchema,
  /** Fires when any listed condition is on the (leading) differential or any listed finding is present. */
  when: z
    .object({
      anyConditions: z.array(SlugSchema).default([]),
      anyFindings: z.array(SlugSchema).default([]),
      minAge: z.number().int().min(0).optional(),
      maxAge: z.number().int().min(0).optional(),
      sex: SexSchema.optional(),
    })
    .refine((w) => w.anyConditions.length + w.anyFindings.length > 0, {
      message: 'rule never fires',
    }),
  recommend: z.array(SlugSchema).min(1),
  rationale: z.string().min(1),
  /** Not re-recommended when the test was done this recently. */
  suppressIfDoneWithinDays: z.number().int().min(0),
  /** The source's own grading, e.g. `NICE recommendation`, `strong`, `Class I`. */
  strength: z.string().min(1),
  year: z.number().int().min(1990).max(2030),
  sources: SourceRefsSchema,
});
export type GuidelineRule = z.infer<typeof GuidelineRuleSchema>;

// ─── preventive-services.json: USPSTF A/B and ACIP immunizations ──────────────────────────────
export const PreventiveServiceSchema = z.object({
  id: SlugSchema,
  title: z.string().min(1),
  grade: z.enum(['A', 'B', 'ACIP']),
  population: z.object({
    sex: SexSchema.optional(),
    minAge: z.number().int().min(0),
    maxAge: z.number().int().min(0).optional(),
    /**
     * Only for patients with any of these conditions (e.g. diabetes screening with overweight). When
     * both this and `anyFindings` are set, either a listed condition or a listed finding qualifies.
     */
    anyConditions: z.array(SlugSchema).default([]),
    /** Only for patients with any of these history findings (e.g. current smoker). */
    anyFindings: z.array(SlugSchema).default([]),
    /** Not for patients with any of these conditions (e.g. already diabetic). */
    excludeConditions: z.array(SlugSchema).default([]),
  }),
  /** Tests (tests.json ids) any of which satisfies the service. */
  satisfiedBy: z.array(SlugSchema).min(1),
  /** Re-due after this many months; omitted for once-only services. */
  intervalMonths: z.number().int().positive().optional(),
  /**
   * Per-test intervals where the recommendation differs by test (colorectal screening: colonoscopy
   * 120 months, FIT 12); tests not listed use `intervalMonths`.
   */
  testIntervalMonths: z.record(SlugSchema, z.number().int().positive()).default({}),
  year: z.number().int().min(1990).max(2030),
  sources: SourceRefsSchema,
});
export type PreventiveService = z.infer<typeof PreventiveServiceSchema>;

// ─── manifest.json ─────────────────────────────────────────────────────────────────────────────
export const KbManifestSchema = z.object({
  /** Semantic version of the content; bump on every change. Appears in every result that depends on it. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  released: z.iso.date(),
  description: z.string().min(1),
});
export type KbManifest = z.infer<typeof KbManifestSchema>;
