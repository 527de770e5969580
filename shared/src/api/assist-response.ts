/**
 * `POST /api/v1/assist` response body: a ranked differential with its evidence (suggestions, never a
 * diagnosis), red flags, next questions, guideline tests, drug interactions, preventive-care gaps and
 * the provenance a clinician needs to judge the answer (which tier answered, model and KB versions,
 * feature freshness, what was degraded and why).
 */
import { z } from 'zod';
import { URGENCIES } from '../kb/schema.js';

/** Which source answered: the model blended with guidelines, the same on stale features, or guidelines alone. */
export const ASSIST_TIERS = ['model', 'model+stale-features', 'guidelines-only'] as const;
export type AssistTier = (typeof ASSIST_TIERS)[number];

/** Why an answer is guidelines-only; the label values of `mediassist_fallback_total{reason}`. */
export const ASSIST_FALLBACK_REASONS = [
  'features-missing',
  'features-stale',
  'features-unavailable',
  'model-absent',
  'model-failed',
  'model-timeout',
  'overloaded',
] as const;
export type AssistFallbackReason = (typeof ASSIST_FALLBACK_REASONS)[number];

/** A feature view's state for this answer; `unavailable` when the store could not be read at all. */
export const ASSIST_VIEW_STATES = [
  'fresh',
  'stale',
  'missing',
  'incompatible',
  'invalid',
  'unavailable',
] as const;
export type AssistViewState = (typeof ASSIST_VIEW_STATES)[number];

const EvidenceSchema = z.object({
  findingId: z.string(),
  display: z.string(),
  /** How much the finding moves the odds (>1 for, <1 against), from the knowledge base. */
  likelihoodRatio: z.number(),
});

export const AssistDifferentialItemSchema = z
  .object({
    conditionId: z.string(),
    display: z.string(),
    /** Preferred ICD-10-CM code. */
    icd10: z.string(),
    /** Clinician-facing wording, always a suggestion: "Consider …". */
    label: z.string(),
    /** Blended probability (see the README's rule); the number the list is ranked by. */
    probability: z.number().min(0).max(1),
    /** The model's own probability; null when no model answered or the model lacks the condition. */
    modelProbability: z.number().min(0).max(1).nullable(),
    /** The guideline engine's posterior. */
    guidelineProbability: z.number().min(0).max(1),
    urgency: z.enum(URGENCIES),
    cantMiss: z.boolean(),
    /** In the top `limit`, a plausible can't-miss condition, or named by a fired red flag. */
    listedBecause: z.enum(['rank', 'cant-miss', 'red-flag']),
    supporting: z.array(EvidenceSchema),
    against: z.array(EvidenceSchema.extend({ reason: z.enum(['absent', 'present-but-rare']) })),
    /** Knowledge-base source ids behind the condition and its evidence. */
    sources: z.array(z.string()),
  })
  .meta({ id: 'AssistDifferentialItem' });
export type AssistDifferentialItem = z.infer<typeof AssistDifferentialItemSchema>;

const RedFlagSchema = z.object({
  ruleId: z.string(),
  findings: z.array(z.string()),
  escalateTo: z.enum(URGENCIES),
  /** Condition ids kept on the differential because the rule fired. */
  consider: z.array(z.string()),
  advice: z.string(),
  sources: z.array(z.string()),
});

const NextQuestionSchema = z.object({
  findingId: z.string(),
  display: z.string(),
  kind: z.enum(['symptom', 'sign', 'vital', 'lab', 'history']),
  /** Expected reduction of the differential's entropy, in bits. */
  informationGain: z.number(),
  reason: z.string(),
});

const RuleReasonSchema = z.object({
  ruleId: z.string(),
  rationale: z.string(),
  strength: z.string(),
  year: z.number().int(),
  sources: z.array(z.string()),
  matchedConditions: z.array(z.string()),
  matchedFindings: z.array(z.string()),
});

const RecommendedTestSchema = z.object({
  testId: z.string(),
  display: z.string(),
  kind: z.string(),
  /** `suppressed`: done more recently than every recommending rule's window. */
  status: z.enum(['recommended', 'suppressed']),
  because: z.array(RuleReasonSchema),
  sources: z.array(z.string()),
  lastDone: z.string().optional(),
  suppressedUntil: z.string().optional(),
});

const MatchedDrugSchema = z.object({
  input: z.string(),
  role: z.enum(['proposed', 'active']),
  rxcui: z.string(),
  name: z.string(),
});

const InteractionWarningSchema = z.object({
  interactionId: z.string(),
  severity: z.enum(['contraindicated', 'major', 'moderate', 'minor']),
  mechanism: z.string(),
  consequence: z.string(),
  management: z.string(),
  oncGroup: z.number().int().optional(),
  sources: z.array(z.string()),
  alsoMatched: z.array(z.string()),
  drugs: z.tuple([MatchedDrugSchema, MatchedDrugSchema]),
  context: MatchedDrugSchema.optional(),
});

const CareGapSchema = z.object({
  serviceId: z.string(),
  title: z.string(),
  grade: z.enum(['A', 'B', 'ACIP']),
  year: z.number().int(),
  /** `due`: never done; `overdue`: the interval lapsed; `open`: due per the stored view. */
  status: z.enum(['due', 'overdue', 'open']),
  /** When it became due, when known. */
  dueSince: z.string().nullable(),
  sources: z.array(z.string()),
});

const ViewStateSchema = z.object({
  status: z.enum(ASSIST_VIEW_STATES),
  asOf: z.string().optional(),
  ageMs: z.number().optional(),
});

export const AssistResponseSchema = z
  .object({
    /** The pseudonym the answer is about (a source id in the request is never echoed). */
    patientId: z.string(),
    patient: z.object({
      age: z.number().int().nullable(),
      sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
    }),
    /** Always present: the answer supports clinical judgement and is not a diagnosis. */
    notice: z.string(),
    findings: z.object({
      present: z.array(z.string()),
      absent: z.array(z.string()),
      /** Suspected or uncertain in the free text: neither present nor absent. */
      possible: z.array(z.string()),
      /** Inputs that did not map to the knowledge base (codes it lacks, units it cannot compare). */
      unresolved: z.array(z.object({ path: z.string(), issue: z.string() })),
    }),
    differential: z.object({
      method: z.enum(['model+guidelines', 'guidelines']),
      /** Most urgent level among items over 5% and fired red flags. */
      urgency: z.enum(URGENCIES),
      /** Probability that no listed knowledge-base condition explains the presentation. */
      otherProbability: z.number(),
      items: z.array(AssistDifferentialItemSchema),
    }),
    redFlags: z.array(RedFlagSchema),
    nextQuestions: z.array(NextQuestionSchema),
    recommendedTests: z.object({
      /** False when the patient's recent tests could not be read, so nothing was suppressed. */
      recentTestsKnown: z.boolean(),
      items: z.array(RecommendedTestSchema),
    }),
    interactions: z.object({
      /** `request+features`: the stored active medication list was checked too. */
      activeMedicationsFrom: z.enum(['request', 'request+features']),
      warnings: z.array(InteractionWarningSchema),
      unresolved: z.array(
        z.object({
          input: z.string(),
          role: z.enum(['proposed', 'active']),
          unresolvedParts: z.array(z.string()),
        }),
      ),
    }),
    careGaps: z.object({
      /**
       * `feature-view`: the stored care_gaps view; `computed-from-features`: from stored demographics,
       * history and tests; `computed-from-request`: from the request's age and sex only (history
       * unknown, so done services may show as due); `unavailable`: no age and sex known.
       */
      source: z.enum([
        'feature-view',
        'computed-from-features',
        'computed-from-request',
        'unavailable',
      ]),
      items: z.array(CareGapSchema),
    }),
    provenance: z.object({
      tier: z.enum(ASSIST_TIERS),
      fallbackReason: z.enum(ASSIST_FALLBACK_REASONS).nullable(),
      modelVersion: z.string().nullable(),
      /** `canary` when the patient is routed to the canary model. */
      modelRole: z.enum(['production', 'canary']).nullable(),
      /** The model's weight in the blend; null when no model answered. */
      modelWeight: z.number().nullable(),
      kbVersion: z.string(),
      features: z.object({
        read: z.enum(['ok', 'unavailable']),
        views: z.record(z.string(), ViewStateSchema),
      }),
      /** Every component that did not contribute normally, with a short reason code. */
      degraded: z.array(z.object({ component: z.enum(['features', 'model']), reason: z.string() })),
      serverTimeMs: z.number(),
      generatedAt: z.string(),
    }),
  })
  .meta({ id: 'AssistResponse' });
export type AssistResponse = z.infer<typeof AssistResponseSchema>;
