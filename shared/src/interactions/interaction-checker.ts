/**
 * The drug–drug interaction checker: local, pure and always on (no Redis, no model). Checks every
 * proposed drug against the active list and the other proposed drugs; one warning per ingredient pair.
 */
import type { Drug, Interaction, KnowledgeBase, Severity } from '../kb/index.js';
import type { DrugRef } from './drug-ref.js';
import { createDrugResolver } from './drug-resolver.js';
import { createRuleIndex } from './rule-index.js';

export type DrugRole = 'proposed' | 'active';

/** An input drug that took part in a warning, resolved to its KB ingredient. */
export interface MatchedDrug {
  input: DrugRef;
  role: DrugRole;
  rxcui: string;
  name: string;
}

export interface InteractionWarning {
  /** The most severe matching rule (ONC high-priority rules win ties). */
  interactionId: string;
  severity: Severity;
  mechanism: string;
  consequence: string;
  management: string;
  /** ONC high-priority group (Phansalkar 2012) of any matching rule. */
  oncGroup?: number;
  /** Sources of every rule that matched the pair, de-duplicated. */
  sources: readonly string[];
  /** Other rules that matched the same pair (less or equally severe). */
  alsoMatched: readonly string[];
  /** The two interacting drugs; for three-drug rules, `context` holds the third. */
  drugs: readonly [MatchedDrug, MatchedDrug];
  context?: MatchedDrug;
}

export interface UnresolvedDrug {
  input: DrugRef;
  role: DrugRole;
  /** For combination names, the parts that matched nothing. */
  unresolvedParts: readonly string[];
}

export interface InteractionCheckResult {
  warnings: readonly InteractionWarning[];
  /** Inputs the KB could not resolve: never silently dropped, shown to the clinician. */
  unresolved: readonly UnresolvedDrug[];
  kbVersion: string;
}

export interface InteractionCheckInput {
  proposed: readonly DrugRef[];
  active: readonly DrugRef[];
}

export interface InteractionChecker {
  check(input: InteractionCheckInput): InteractionCheckResult;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  contraindicated: 0,
  major: 1,
  moderate: 2,
  minor: 3,
};

interface ResolvedInput {
  input: DrugRef;
  role: DrugRole;
  position: number;
  drug: Drug;
}

const matched = (r: ResolvedInput): MatchedDrug => ({
  input: r.input,
  role: r.role,
  rxcui: r.drug.rxcui,
  name: r.drug.name,
});

function moreSevere(x: Interaction, y: Interaction): boolean {
  const rank = SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity];
  return rank < 0 || (rank === 0 && x.oncGroup !== undefined && y.oncGroup === undefined);
}

interface RuleHit {
  rule: Interaction;
  context: ResolvedInput | undefined;
}

function warningFor(
  hits: readonly RuleHit[],
  pair: [ResolvedInput, ResolvedInput],
): InteractionWarning {
  const best = hits.reduce((x, y) => (moreSevere(y.rule, x.rule) ? y : x));
  const oncGroup =
    best.rule.oncGroup ?? hits.find((h) => h.rule.oncGroup !== undefined)?.rule.oncGroup;
  return {
    interactionId: best.rule.id,
    severity: best.rule.severity,
    mechanism: best.rule.mechanism,
    consequence: best.rule.consequence,
    management: best.rule.management,
    ...(oncGroup === undefined ? {} : { oncGroup }),
    sources: [...new Set(hits.flatMap((h) => h.rule.sources))],
    alsoMatched: hits.filter((h) => h !== best).map((h) => h.rule.id),
    drugs: [matched(pair[0]), matched(pair[1])],
    ...(best.context ? { context: matched(best.context) } : {}),
  };
}

function byUrgency(x: InteractionWarning, y: InteractionWarning): number {
  return (
    SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
    Number(y.oncGroup !== undefined) - Number(x.oncGroup !== undefined) ||
    x.drugs[0].name.localeCompare(y.drugs[0].name) ||
    x.drugs[1].name.localeCompare(y.drugs[1].name)
  );
}

/** Builds the indexes once; `check` then costs a few set lookups per drug pair. */
export function createInteractionChecker(
  kb: Pick<KnowledgeBase, 'drugs' | 'interactions' | 'version'>,
): InteractionChecker {
  const resolver = createDrugResolver(kb);
  const rules = createRuleIndex(kb);

  const hitsFor = (
    first: ResolvedInput,
    second: ResolvedInput,
    all: readonly ResolvedInput[],
  ): RuleHit[] =>
    rules.rulesFor(first.drug, second.drug).flatMap((rule): RuleHit[] => {
      if (!rule.also) {
        return [{ rule, context: undefined }];
      }
      const third = all.find(
        (r) =>
          r.position !== first.position &&
          r.position !== second.position &&
          rules.matchesAlso(rule, r.drug),
      );
      return third ? [{ rule, context: third }] : [];
    });

  return {
    check({ proposed, active }) {
      const resolved: ResolvedInput[] = [];
      const unresolved: UnresolvedDrug[] = [];
      const add = (refs: readonly DrugRef[], role: DrugRole): void => {
        refs.forEach((input, i) => {
          const { drugs, unresolvedParts } = resolver.resolve(input);
          if (unresolvedParts.length > 0) {
            unresolved.push({ input, role, unresolvedParts });
          }
          const position = role === 'proposed' ? i : proposed.length + i;
          for (const drug of drugs) {
            resolved.push({ input, role, position, drug });
          }
        });
      };
      add(proposed, 'proposed');
      add(active, 'active');

      const byPair = new Map<string, InteractionWarning>();
      resolved.forEach((first, i) => {
        if (first.role !== 'proposed') {
          return;
        }
        resolved.forEach((second, j) => {
          const a = first.drug.rxcui;
          const b = second.drug.rxcui;
          if (
            first.position === second.position ||
            (second.role === 'proposed' && j <= i) ||
            a === b
          ) {
            return;
          }
          // The pair's key in sorted order (as `[a, b].sort()` orders strings), built only when needed.
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          if (byPair.has(key)) {
            return;
          }
          const hits = hitsFor(first, second, resolved);
          if (hits.length > 0) {
            byPair.set(key, warningFor(hits, [first, second]));
          }
        });
      });
      return { warnings: [...byPair.values()].sort(byUrgency), unresolved, kbVersion: kb.version };
    },
  };
}
