/** The staleness rule, shared by online reads and training sets so both judge a value's age alike. */
import type { AnyFeatureView } from './feature-view.js';

export interface FeatureAge {
  /** `now − asOf` in ms; negative when the value claims a future time (clock skew). */
  readonly ageMs: number;
  readonly stale: boolean;
}

/** A value is fresh while its age is at most the view's `maxStalenessMs` (inclusive). */
export function featureAge(options: {
  view: AnyFeatureView;
  asOfMs: number;
  nowMs: number;
}): FeatureAge {
  const ageMs = options.nowMs - options.asOfMs;
  return { ageMs, stale: ageMs > options.view.maxStalenessMs };
}
