/**
 * Chronic-care medication alerts for patient-view: contraindicated and major interactions among the
 * patient's active medications (the nearline tier's medication_alerts rule, computed here from the
 * record the EHR sent). Not interruptive (`warning`): these are standing orders, so no suggestions.
 */
import type { InteractionWarning } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { CardDraft } from '../card-draft.js';
import type { CardSources } from '../card-source.js';
import { cardSummary, md } from '../card-text.js';
import { overrideReasonsFor } from '../override-reasons.js';
import { SEVERITY_LABEL } from './interaction-cards.js';

/** Most alert cards on one chart opening. */
export const MAX_MEDICATION_ALERTS = 3;

export function createMedicationAlertCards(options: {
  kb: Pick<KnowledgeBase, 'version'>;
  sources: CardSources;
}): (warnings: readonly InteractionWarning[]) => CardDraft[] {
  const { kb, sources } = options;
  return (warnings) =>
    warnings
      .filter((w) => w.severity === 'contraindicated' || w.severity === 'major')
      .slice(0, MAX_MEDICATION_ALERTS)
      .map((w): CardDraft => {
        const [first, second] = w.drugs;
        const links = sources.links(w.sources);
        return {
          card: {
            summary: cardSummary(
              `Active medications: ${SEVERITY_LABEL[w.severity].toLowerCase()}, ${first.name} + ${second.name}`,
            ),
            detail: [
              `**${md(first.name)}** and **${md(second.name)}** are both active medications.`,
              '',
              `- **Consequence:** ${md(w.consequence)}`,
              `- **Mechanism:** ${md(w.mechanism)}`,
              `- **Management:** ${md(w.management)}`,
              '',
              `_Rule \`${w.interactionId}\`, MediAssist knowledge base ${kb.version}. Review whether the combination is intended and monitored._`,
            ].join('\n'),
            indicator: 'warning',
            source: sources.source(w.sources),
            overrideReasons: overrideReasonsFor('interaction'),
            ...(links ? { links } : {}),
          },
          refs: [{ kind: 'interaction', id: w.interactionId }],
        };
      });
}
