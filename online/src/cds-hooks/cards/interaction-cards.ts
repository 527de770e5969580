/**
 * Drug–drug interaction cards for draft orders (order-select, order-sign): one card per interacting
 * pair that involves a selected draft. Contraindicated and major pairs are `critical` (the only
 * interruptive cards), moderate `warning`, minor `info`. Suggestions: remove the draft (a `delete`
 * of its MedicationRequest) or, for critical pairs where the rule's management advice names one,
 * replace it with an alternative (alternatives.ts).
 */
import type { CdsIndicator } from '@mediassist/shared/api';
import type { DrugRef, InteractionWarning, MatchedDrug } from '@mediassist/shared/interactions';
import type { KnowledgeBase, Severity } from '@mediassist/shared/kb';
import type { AlternativeFinder } from '../alternatives.js';
import type { CardDraft, SuggestionDraft, SuggestionRef } from '../card-draft.js';
import type { CardSources } from '../card-source.js';
import { cardSummary, md } from '../card-text.js';
import type { DraftMedication } from '../draft-orders.js';
import { overrideReasonsFor } from '../override-reasons.js';
import { draftMedicationRequest, type SubjectRefs } from '../suggested-resources.js';

export const INDICATOR_BY_SEVERITY: Readonly<Record<Severity, CdsIndicator>> = {
  contraindicated: 'critical',
  major: 'critical',
  moderate: 'warning',
  minor: 'info',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  contraindicated: 'Contraindicated combination',
  major: 'Major interaction',
  moderate: 'Moderate interaction',
  minor: 'Minor interaction',
};

export interface InteractionCardsInput {
  warnings: readonly InteractionWarning[];
  drafts: readonly DraftMedication[];
  /** Active medications (for alternatives: an alternative must not interact with them). */
  activeRefs: readonly DrugRef[];
  /** The patient's KB conditions (alternatives for the patient's own conditions first). */
  conditions: readonly string[];
  subject: SubjectRefs;
}

export type InteractionCards = (input: InteractionCardsInput) => CardDraft[];

const roleText = (drug: MatchedDrug): string =>
  drug.role === 'active' ? 'active medication' : 'draft order';

export function createInteractionCards(options: {
  kb: Pick<KnowledgeBase, 'condition' | 'drugClass' | 'version'>;
  sources: CardSources;
  alternatives: AlternativeFinder;
}): InteractionCards {
  const { kb, sources, alternatives } = options;

  return ({ warnings, drafts, activeRefs, conditions, subject }) =>
    warnings.flatMap((warning): CardDraft[] => {
      const involved = warning.drugs.flatMap((drug) => {
        const draft =
          drug.role === 'proposed' ? drafts.find((d) => d.ref === drug.input) : undefined;
        return draft?.selected ? [{ drug, draft }] : [];
      });
      if (involved.length === 0) {
        return [];
      }
      const ref: SuggestionRef = { kind: 'interaction', id: warning.interactionId };
      const [first, second] = warning.drugs;
      const suggestions: SuggestionDraft[] = involved.flatMap(({ drug, draft }) =>
        draft.reference === undefined
          ? []
          : [
              {
                suggestion: {
                  label: `Remove the draft order for ${drug.name}`,
                  actions: [
                    {
                      type: 'delete',
                      description: `Remove the draft ${drug.name} order`,
                      resourceId: draft.reference,
                    },
                  ],
                },
                refs: [ref],
              },
            ],
      );
      const target = involved.find(({ draft }) => draft.reference !== undefined);
      const alternative =
        target === undefined || INDICATOR_BY_SEVERITY[warning.severity] !== 'critical'
          ? undefined
          : alternatives({
              interactionId: warning.interactionId,
              severity: warning.severity,
              rxcui: target.drug.rxcui,
              others: [
                ...activeRefs,
                ...drafts.filter((d) => d !== target.draft).map((d) => d.ref),
              ],
              conditions,
            });
      if (target?.draft.reference !== undefined && alternative) {
        suggestions.push({
          suggestion: {
            label: `Replace ${target.drug.name} with ${alternative.drug.name}`,
            actions: [
              {
                type: 'delete',
                description: `Remove the draft ${target.drug.name} order`,
                resourceId: target.draft.reference,
              },
              {
                type: 'create',
                description: `Draft an order for ${alternative.drug.name} (set the dose and route)`,
                resource: draftMedicationRequest(alternative.drug, subject),
              },
            ],
          },
          refs: [ref],
        });
      }
      const lines = [
        `**${md(first.name)}** (${roleText(first)}) with **${md(second.name)}** (${roleText(second)})` +
          (warning.context ? `, together with **${md(warning.context.name)}**.` : '.'),
        '',
        `- **Consequence:** ${md(warning.consequence)}`,
        `- **Mechanism:** ${md(warning.mechanism)}`,
        `- **Management:** ${md(warning.management)}`,
      ];
      if (warning.oncGroup !== undefined) {
        lines.push(
          '',
          `ONC high-priority interaction (Phansalkar 2012, group ${String(warning.oncGroup)}).`,
        );
      }
      if (alternative && target) {
        const conditionNames = [...alternative.sharedConditions]
          .sort((a, b) => Number(conditions.includes(b)) - Number(conditions.includes(a)))
          .map((id) => kb.condition(id)?.display ?? id);
        const why = [
          ...alternative.sharedClasses.map(
            (id) => `same class (${kb.drugClass(id)?.display ?? id})`,
          ),
          ...(conditionNames.length > 0
            ? [
                `both listed in the treatment tables for ${String(conditionNames.length)} condition${conditionNames.length === 1 ? '' : 's'}, e.g. ${conditionNames.slice(0, 2).join(', ')}`,
              ]
            : []),
        ];
        lines.push(
          '',
          `**Alternative named by the management advice:** ${md(alternative.drug.name)} — ${md(why.join('; '))}. Only drug interactions were checked: confirm it suits the indication and the patient.`,
        );
        for (const remaining of alternative.remaining) {
          lines.push(
            `- It still has a ${remaining.severity} interaction with ${md(remaining.drugs[1].name)}: ${md(remaining.management)}`,
          );
        }
      }
      lines.push(
        '',
        `_Rule \`${warning.interactionId}\`, MediAssist knowledge base ${kb.version}. A suggestion to support clinical judgement._`,
      );
      const links = sources.links(warning.sources);
      return [
        {
          card: {
            summary: cardSummary(
              `${SEVERITY_LABEL[warning.severity]}: ${first.name} + ${second.name} — ${warning.consequence}`,
            ),
            detail: lines.join('\n'),
            indicator: INDICATOR_BY_SEVERITY[warning.severity],
            source: sources.source(warning.sources),
            ...(suggestions.length > 0 ? { selectionBehavior: 'at-most-one' as const } : {}),
            overrideReasons: overrideReasonsFor('interaction'),
            ...(links ? { links } : {}),
          },
          ...(suggestions.length > 0 ? { suggestions } : {}),
          refs: [ref],
        },
      ];
    });
}
