/** A registry of feature views: the list stores and jobs iterate, and name → view lookup. */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView, FeatureValueOf } from './feature-view.js';
import { careGaps } from './views/care-gaps.js';
import { conditionHistory } from './views/condition-history.js';
import { demographics } from './views/demographics.js';
import { medicationAlerts } from './views/medication-alerts.js';
import { medicationList } from './views/medication-list.js';
import { patientEmbedding } from './views/patient-embedding.js';
import { recentFindings } from './views/recent-findings.js';
import { recentTests } from './views/recent-tests.js';
import { vitalsLabs } from './views/vitals-labs.js';

export interface FeatureRegistry<TView extends AnyFeatureView = AnyFeatureView> {
  readonly views: readonly TView[];
  readonly names: readonly TView['name'][];
  /** The view with this name; throws NOT_FOUND for a name that is not registered. */
  get<TName extends TView['name']>(name: TName): Extract<TView, { name: TName }>;
  /** Lookup for names from outside the type system (config, storage); undefined when unknown. */
  find(name: string): TView | undefined;
}

export function createFeatureRegistry<const TViews extends readonly AnyFeatureView[]>(
  views: TViews,
): FeatureRegistry<TViews[number]> {
  type TView = TViews[number];
  const byName = new Map<string, TView>();
  for (const view of views) {
    if (byName.has(view.name)) {
      throw new AppError('CONFIG_INVALID', `Feature view ${view.name} is registered twice`);
    }
    byName.set(view.name, view);
  }
  return {
    views,
    names: views.map((v) => v.name),
    get<TName extends TView['name']>(name: TName) {
      const view = byName.get(name);
      if (!view) {
        throw new AppError('NOT_FOUND', `Unknown feature view ${name}`);
      }
      return view as Extract<TView, { name: TName }>;
    },
    find: (name) => byName.get(name),
  };
}

/** Every view MediAssist serves, in catalogue order. */
export const patientFeatureViews = [
  demographics,
  conditionHistory,
  medicationList,
  recentFindings,
  vitalsLabs,
  recentTests,
  careGaps,
  medicationAlerts,
  patientEmbedding,
] as const;

export const featureRegistry = createFeatureRegistry(patientFeatureViews);

export type PatientFeatureView = (typeof patientFeatureViews)[number];
export type PatientFeatureViewName = PatientFeatureView['name'];

/** The value type of every registered view, by name. */
export type PatientFeatureValues = {
  [TView in PatientFeatureView as TView['name']]: FeatureValueOf<TView>;
};
