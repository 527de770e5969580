/** The feature views the nearline tier maintains, the views it reads, and their empty values. */
import type { PatientFeatureValues } from '@mediassist/feature-store/definitions';

/** Views a visit or feedback event can change, directly or through a derived computation. */
export const MAINTAINED_VIEWS = [
  'condition_history',
  'recent_findings',
  'medication_list',
  'vitals_labs',
  'recent_tests',
  'care_gaps',
  'medication_alerts',
  'patient_embedding',
] as const;
export type MaintainedViewName = (typeof MAINTAINED_VIEWS)[number];

/** Everything a refresh reads from the online store (demographics feed care gaps). */
export const INPUT_VIEWS = [...MAINTAINED_VIEWS, 'demographics'] as const;
export type InputViewName = (typeof INPUT_VIEWS)[number];

/** Views computed from other views rather than from events. */
export const DERIVED_VIEWS = ['care_gaps', 'medication_alerts', 'patient_embedding'] as const;
export type DerivedViewName = (typeof DERIVED_VIEWS)[number];
export type DirectViewName = Exclude<MaintainedViewName, DerivedViewName>;

export type ViewValue<TName extends keyof PatientFeatureValues> = PatientFeatureValues[TName];

/** One view as a refresh works on it: the value and the time the data behind it goes up to. */
export interface WorkingView<TValue> {
  readonly value: TValue;
  /** Epoch ms; never 0 for a stored value. */
  readonly asOfMs: number;
}

export type WorkingFeatures = {
  [TName in MaintainedViewName]?: WorkingView<ViewValue<TName>>;
};

/** The value a direct view starts from when the patient has none yet. */
export function emptyValue<TName extends DirectViewName>(name: TName): ViewValue<TName> {
  const empty: { [K in DirectViewName]: ViewValue<K> } = {
    condition_history: { chronic: [], icd10: [], recentAcute: [] },
    recent_findings: { present: [], visits90d: 0, lastVisitAt: null },
    medication_list: { activeRxcuis: [] },
    vitals_labs: { values: {} },
    recent_tests: { lastDone: {} },
  };
  return structuredClone(empty[name]) as ViewValue<TName>;
}

/** List caps of the view schemas: a refresh trims (oldest first) rather than writing an invalid value. */
export const LIST_LIMITS = {
  chronic: 200,
  icd10: 1000,
  recentAcute: 200,
  findings: 300,
  visits: 1000,
  rxcuis: 200,
  observations: 300,
  tests: 300,
  careGaps: 100,
  alerts: 200,
} as const;
