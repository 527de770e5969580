/**
 * An alternative to a draft drug in a serious interaction, only where the knowledge base offers one:
 * a drug the interaction rule's own management advice names ("use acetaminophen for analgesia",
 * "switch to pravastatin or rosuvastatin") that can stand in for the draft — it shares a drug class
 * with it, or the treatment tables list both for the same condition — and whose own interactions
 * with the active medications and the other drafts are milder than the one replaced and at most
 * moderate (none preferred; any that remain are shown on the card). Indication, dose, allergies and
 * contraindications are not checked here, and the card says so.
 */
import {
  SEVERITY_RANK,
  type DrugRef,
  type InteractionChecker,
  type InteractionWarning,
} from '@mediassist/shared/interactions';
import type { Drug, Interaction, KnowledgeBase, Severity } from '@mediassist/shared/kb';

export interface Alternative {
  drug: Drug;
  /** Why it can stand in for the draft: shared classes and KB conditions both are listed for. */
  sharedClasses: string[];
  sharedConditions: string[];
  /** Milder interactions the alternative still has (shown on the card). */
  remaining: readonly InteractionWarning[];
}

export interface AlternativeQuery {
  interactionId: string;
  severity: Severity;
  /** The draft drug's ingredient RxCUI. */
  rxcui: string;
  /** Active medications and the other draft orders. */
  others: readonly DrugRef[];
  /** The patient's KB conditions, when known (alternatives that treat one of them come first). */
  conditions: readonly string[];
}

export type AlternativeFinder = (query: AlternativeQuery) => Alternative | undefined;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createAlternativeFinder(options: {
  kb: Pick<KnowledgeBase, 'drugs' | 'interactions' | 'treatments' | 'drugByRxcui'>;
  checker: InteractionChecker;
}): AlternativeFinder {
  const { kb, checker } = options;
  const conditionsOf = new Map<string, Set<string>>();
  for (const treatment of kb.treatments) {
    for (const rxcui of treatment.drugs) {
      const set = conditionsOf.get(rxcui) ?? new Set<string>();
      set.add(treatment.condition);
      conditionsOf.set(rxcui, set);
    }
  }
  const rules = new Map<string, Interaction>(kb.interactions.map((r) => [r.id, r]));
  const named = new Map<string, Drug[]>();
  /** KB drugs named as whole words in a rule's management advice (computed once per rule). */
  const namedIn = (rule: Interaction): Drug[] => {
    let drugs = named.get(rule.id);
    if (!drugs) {
      const text = rule.management.toLowerCase();
      drugs = kb.drugs.filter((d) =>
        new RegExp(`(?<![a-z])${escape(d.name.toLowerCase())}(?![a-z])`).test(text),
      );
      named.set(rule.id, drugs);
    }
    return drugs;
  };

  return ({ interactionId, severity, rxcui, others, conditions }) => {
    const rule = rules.get(interactionId);
    const draft = kb.drugByRxcui(rxcui);
    if (!rule || !draft) {
      return undefined;
    }
    const draftConditions = conditionsOf.get(draft.rxcui) ?? new Set<string>();
    const candidates = namedIn(rule)
      .filter((d) => d.rxcui !== draft.rxcui)
      .map((drug) => ({
        drug,
        sharedClasses: drug.classes.filter((c) => draft.classes.includes(c)),
        sharedConditions: [...(conditionsOf.get(drug.rxcui) ?? [])].filter((c) =>
          draftConditions.has(c),
        ),
      }))
      .filter((c) => c.sharedClasses.length + c.sharedConditions.length > 0)
      .sort(
        (a, b) =>
          Number(b.sharedConditions.some((c) => conditions.includes(c))) -
          Number(a.sharedConditions.some((c) => conditions.includes(c))),
      );
    let best: (Alternative & { worst: number }) | undefined;
    for (const candidate of candidates) {
      const { warnings } = checker.check({ proposed: [candidate.drug.rxcui], active: others });
      const worst = Math.min(...warnings.map((w) => SEVERITY_RANK[w.severity]), Infinity);
      const acceptable = worst > SEVERITY_RANK[severity] && worst >= SEVERITY_RANK.moderate;
      if (acceptable && (!best || worst > best.worst)) {
        best = { ...candidate, remaining: warnings, worst };
      }
    }
    if (!best) {
      return undefined;
    }
    const { worst: _worst, ...alternative } = best;
    return alternative;
  };
}
