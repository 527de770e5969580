/**
 * Precomputed rule matching: for every KB drug, the interaction rules whose `a`, `b` and `also`
 * selectors it satisfies, so checking a pair is two small set intersections.
 */
import type { Drug, DrugSelector, Interaction } from '../kb/index.js';

export interface RuleIndex {
  /** Rules where one drug matches `a` and the other `b` (either order), in KB order. */
  rulesFor(first: Drug, second: Drug): readonly Interaction[];
  /** Whether a drug satisfies a rule's `also` selector. */
  matchesAlso(rule: Interaction, drug: Drug): boolean;
}

export function selectorMatches(selector: DrugSelector, drug: Drug): boolean {
  return (
    selector.rxcuis.includes(drug.rxcui) || selector.classes.some((c) => drug.classes.includes(c))
  );
}

export function createRuleIndex(options: {
  drugs: readonly Drug[];
  interactions: readonly Interaction[];
}): RuleIndex {
  const { interactions } = options;
  const sideA = new Map<string, Set<number>>();
  const sideB = new Map<string, Set<number>>();
  const also = new Map<string, Set<number>>();
  for (const drug of options.drugs) {
    const a = new Set<number>();
    const b = new Set<number>();
    const c = new Set<number>();
    interactions.forEach((rule, i) => {
      if (selectorMatches(rule.a, drug)) {
        a.add(i);
      }
      if (selectorMatches(rule.b, drug)) {
        b.add(i);
      }
      if (rule.also && selectorMatches(rule.also, drug)) {
        c.add(i);
      }
    });
    sideA.set(drug.rxcui, a);
    sideB.set(drug.rxcui, b);
    also.set(drug.rxcui, c);
  }
  const empty = new Set<number>();
  const ruleIndex = new Map(interactions.map((rule, i) => [rule, i]));

  return {
    rulesFor(first, second) {
      const a1 = sideA.get(first.rxcui) ?? empty;
      const b1 = sideB.get(first.rxcui) ?? empty;
      const a2 = sideA.get(second.rxcui) ?? empty;
      const b2 = sideB.get(second.rxcui) ?? empty;
      const hits: number[] = [];
      for (const i of a1) {
        if (b2.has(i)) {
          hits.push(i);
        }
      }
      for (const i of b1) {
        if (a2.has(i) && !hits.includes(i)) {
          hits.push(i);
        }
      }
      return hits.sort((x, y) => x - y).flatMap((i) => interactions[i] ?? []);
    },
    matchesAlso(rule, drug) {
      const i = ruleIndex.get(rule);
      return i !== undefined && (also.get(drug.rxcui)?.has(i) ?? false);
    },
  };
}
