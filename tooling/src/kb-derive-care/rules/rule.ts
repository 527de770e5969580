/** A curated interaction rule as written by hand: selectors name drugs or `@class` ids. */
export type Severity = 'contraindicated' | 'major' | 'moderate' | 'minor';

export interface CuratedRule {
  id: string;
  /** Drug names (catalog `name`) or class ids prefixed with `@`. */
  a: readonly string[];
  b: readonly string[];
  /** Fires only when a third input drug matches this too (three-drug interactions). */
  also?: readonly string[];
  severity: Severity;
  mechanism: string;
  consequence: string;
  management: string;
  sources: readonly string[];
}
