/**
 * The derived views, recomputed from a patient's direct views with the engines every tier shares:
 * care gaps (`@mediassist/shared/care`), medication alerts (the interaction checker on the active
 * list) and the patient embedding (the production ONNX encoder). A missing model or missing
 * demographics leave the view as it is and say so in the outcome; engine errors propagate.
 */
import type { PatientFeatureValues } from '@mediassist/feature-store/definitions';
import type { InteractionChecker } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { PatientEncoder } from '../embedding/patient-encoder.js';
import { LIST_LIMITS, type DerivedViewName, type WorkingFeatures } from './nearline-views.js';

/** The care-gap engine as nearline calls it (`createCareGapsFn` adapts `@mediassist/shared/care`). */
export type CareGapsFn = (input: {
  age: number;
  sex: PatientFeatureValues['demographics']['sex'];
  conditions: readonly string[];
  historyFindings: readonly string[];
  lastDone: Readonly<Record<string, string>>;
  now: Date;
}) => PatientFeatureValues['care_gaps'];

export interface FeatureDeriverDeps {
  kb: Pick<KnowledgeBase, 'finding'>;
  interactions: InteractionChecker;
  careGaps: CareGapsFn;
  /** The production encoder, or null when the registry has no model yet. */
  encoder: () => PatientEncoder | null;
}

export type CareGapsOutcome = 'computed' | 'no_demographics';
export type EmbeddingOutcome = 'embedded' | 'no_model' | 'dimension_mismatch' | 'model_failed';

export interface DeriveResult {
  readonly values: {
    care_gaps?: PatientFeatureValues['care_gaps'];
    medication_alerts?: PatientFeatureValues['medication_alerts'];
    patient_embedding?: PatientFeatureValues['patient_embedding'];
  };
  readonly careGaps?: CareGapsOutcome;
  readonly embedding?: EmbeddingOutcome;
  /** The encoder version used, for logs and metrics. */
  readonly modelVersion?: string;
}

export interface FeatureDeriver {
  derive(input: {
    working: WorkingFeatures;
    demographics: PatientFeatureValues['demographics'] | undefined;
    recompute: readonly DerivedViewName[];
    now: Date;
    embeddingDimension: number;
  }): Promise<DeriveResult>;
}

export function createFeatureDeriver(deps: FeatureDeriverDeps): FeatureDeriver {
  return {
    async derive({ working, demographics, recompute, now, embeddingDimension }) {
      const chronic = working.condition_history?.value.chronic ?? [];
      const recentAcute = working.condition_history?.value.recentAcute ?? [];
      const rxcuis = working.medication_list?.value.activeRxcuis ?? [];
      const findings = working.recent_findings?.value.present ?? [];
      const values: DeriveResult['values'] = {};
      let careGaps: CareGapsOutcome | undefined;
      let embedding: EmbeddingOutcome | undefined;
      let modelVersion: string | undefined;

      if (recompute.includes('medication_alerts')) {
        const { warnings } = deps.interactions.check({ proposed: rxcuis, active: [] });
        values.medication_alerts = {
          alerts: warnings.slice(0, LIST_LIMITS.alerts).map((w) => ({
            interactionId: w.interactionId,
            severity: w.severity,
            rxcuis: [w.drugs[0].rxcui, w.drugs[1].rxcui],
          })),
        };
      }

      if (recompute.includes('care_gaps')) {
        if (!demographics) {
          careGaps = 'no_demographics';
        } else {
          values.care_gaps = deps.careGaps({
            age: now.getUTCFullYear() - demographics.birthYear,
            sex: demographics.sex,
            conditions: chronic,
            historyFindings: findings.filter((id) => deps.kb.finding(id)?.kind === 'history'),
            lastDone: working.recent_tests?.value.lastDone ?? {},
            now,
          });
          careGaps = 'computed';
        }
      }

      if (recompute.includes('patient_embedding')) {
        const encoder = deps.encoder();
        if (!encoder) {
          embedding = 'no_model';
        } else {
          modelVersion = encoder.version;
          try {
            const vector = await encoder.embed({ chronic, recentAcute, rxcuis, findings });
            if (vector.length === embeddingDimension) {
              values.patient_embedding = vector;
              embedding = 'embedded';
            } else {
              embedding = 'dimension_mismatch';
            }
          } catch {
            // A model artefact problem, not the event's: keep the old embedding, report it.
            embedding = 'model_failed';
          }
        }
      }
      return {
        values,
        ...(careGaps ? { careGaps } : {}),
        ...(embedding ? { embedding } : {}),
        ...(modelVersion ? { modelVersion } : {}),
      };
    },
  };
}
