/**
 * What one assist answer knows about the patient: the feature read reduced to plain values (stale
 * values are used and reported; missing, incompatible and invalid ones are not), merged with the
 * request's age and sex, plus each view's state for the provenance.
 */
import type { FeatureState } from '@mediassist/feature-store/online';
import type { AssistViewState } from '@mediassist/shared/api';
import type { FeatureReadResult, AssistViewName } from './feature-reader.js';
import { ASSIST_VIEWS } from './feature-reader.js';

/** The views the diagnosis model reads (through `createDiagnosisInputLayout`). */
export const MODEL_INPUT_VIEWS = [
  'demographics',
  'condition_history',
  'patient_embedding',
] as const satisfies readonly AssistViewName[];

/**
 * A model input older than this many times its view's staleness limit is not fed to the model
 * (the answer is guidelines-only, reason `features-stale`); merely stale inputs are used and flagged.
 */
export const STALE_LIMIT_FACTOR = 10;

export interface ViewReport {
  status: AssistViewState;
  asOf?: string;
  ageMs?: number;
}

export type PatientSex = 'female' | 'male' | 'other' | 'unknown';

export interface PatientContext {
  age: number | null;
  sex: PatientSex | null;
  chronic: readonly string[];
  recentAcute: readonly string[];
  embedding: Float32Array | null;
  /** Test id → last done; null when the recent_tests view could not be used. */
  lastDone: Readonly<Record<string, string>> | null;
  /** The stored care_gaps view; null when it could not be used. */
  careGapsOpen: readonly { serviceId: string; dueSince: string | null }[] | null;
  /** Stored active medications; null when the view could not be used. */
  activeRxcuis: readonly string[] | null;
  /** Findings recorded in the last 90 days (history findings such as `current-smoker`). */
  recentFindings: readonly string[];
  /** True when demographics, history and tests were read (care gaps can be computed). */
  historyKnown: boolean;
  views: Record<AssistViewName, ViewReport>;
  /** Used views whose values are past their staleness limit. */
  staleViews: readonly AssistViewName[];
  /** Model inputs past STALE_LIMIT_FACTOR × their limit. */
  tooStaleForModel: readonly AssistViewName[];
}

export interface PatientContextOptions {
  read: FeatureReadResult;
  request: { age?: number | undefined; sex?: 'female' | 'male' | undefined };
  now: Date;
}

/** Fresh and stale values are used; missing, incompatible and invalid ones are not. */
function usable<TValue>(state: FeatureState<TValue>): TValue | undefined {
  return state.status === 'fresh' || state.status === 'stale' ? state.value : undefined;
}

export function patientContext(options: PatientContextOptions): PatientContext {
  const { read, request, now } = options;
  const views = {} as Record<AssistViewName, ViewReport>;
  const staleViews: AssistViewName[] = [];
  const tooStaleForModel: AssistViewName[] = [];
  if (!read.ok) {
    for (const name of ASSIST_VIEWS) {
      views[name] = { status: 'unavailable' };
    }
    return {
      age: request.age ?? null,
      sex: request.sex ?? null,
      chronic: [],
      recentAcute: [],
      embedding: null,
      lastDone: null,
      careGapsOpen: null,
      activeRxcuis: null,
      recentFindings: [],
      historyKnown: false,
      views,
      staleViews,
      tooStaleForModel,
    };
  }
  const f = read.features.features;
  for (const name of ASSIST_VIEWS) {
    const state = f[name];
    if (state.status === 'fresh' || state.status === 'stale') {
      views[name] = { status: state.status, asOf: state.asOf.toISOString(), ageMs: state.ageMs };
      if (state.status === 'stale') {
        staleViews.push(name);
        const inputs: readonly string[] = MODEL_INPUT_VIEWS;
        if (inputs.includes(name) && state.ageMs > STALE_LIMIT_FACTOR * state.maxStalenessMs) {
          tooStaleForModel.push(name);
        }
      }
    } else {
      views[name] = { status: state.status };
    }
  }
  const demographics = usable(f.demographics);
  const history = usable(f.condition_history);
  const tests = usable(f.recent_tests);
  const storedAge =
    demographics === undefined ? null : Math.max(0, now.getUTCFullYear() - demographics.birthYear);
  return {
    age: request.age ?? storedAge,
    sex: request.sex ?? demographics?.sex ?? null,
    chronic: history?.chronic ?? [],
    recentAcute: history?.recentAcute ?? [],
    embedding: usable(f.patient_embedding) ?? null,
    lastDone: tests?.lastDone ?? null,
    careGapsOpen: usable(f.care_gaps)?.open ?? null,
    activeRxcuis: usable(f.medication_list)?.activeRxcuis ?? null,
    recentFindings: usable(f.recent_findings)?.present ?? [],
    historyKnown: demographics !== undefined && history !== undefined && tests !== undefined,
    views,
    staleViews,
    tooStaleForModel,
  };
}
