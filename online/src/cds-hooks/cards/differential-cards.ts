/**
 * Encounter-start cards from an assist answer: the leading differential items as suggestions to
 * consider (with probability and evidence; never a diagnosis), one card per fired red flag, and one
 * card of guideline tests to consider with an "order" suggestion per test. Can't-miss or urgent
 * items and red flags are `warning`; nothing here interrupts (`critical`).
 */
import type { AssistDifferentialItem, AssistResponse } from '@mediassist/shared/api';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { CardDraft, SuggestionDraft } from '../card-draft.js';
import type { CardSources } from '../card-source.js';
import { cardSummary, md, percent } from '../card-text.js';
import { overrideReasonsFor } from '../override-reasons.js';
import { draftServiceRequest, type SubjectRefs } from '../suggested-resources.js';

/** Items ranked by probability shown; can't-miss and red-flag items listed by the engine come on top. */
export const RANKED_ITEMS = 3;
export const MAX_DIFFERENTIAL_CARDS = 5;
export const MAX_TEST_SUGGESTIONS = 5;

const NOT_A_DIAGNOSIS =
  '_A differential suggestion to support clinical judgement, with its evidence; not a diagnosis._';

function evidence(item: AssistDifferentialItem): string[] {
  const lines: string[] = [];
  if (item.supporting.length > 0) {
    lines.push(
      `- **For:** ${item.supporting.map((e) => `${md(e.display)} (LR ${e.likelihoodRatio.toFixed(1)})`).join(', ')}`,
    );
  }
  if (item.against.length > 0) {
    lines.push(
      `- **Against:** ${item.against.map((e) => `${md(e.display)} (${e.reason === 'absent' ? 'absent' : 'present but rare'})`).join(', ')}`,
    );
  }
  return lines;
}

function rankedBy(answer: AssistResponse): string {
  const { provenance } = answer;
  return provenance.tier === 'guidelines-only'
    ? `Ranked by the guideline engine alone${provenance.fallbackReason ? ` (${provenance.fallbackReason})` : ''}`
    : `Ranked by model ${provenance.modelVersion ?? ''} blended with the guideline engine`;
}

export function createDifferentialCards(options: {
  kb: Pick<KnowledgeBase, 'test' | 'version'>;
  sources: CardSources;
}): (input: { answer: AssistResponse; subject: SubjectRefs }) => CardDraft[] {
  const { kb, sources } = options;
  return ({ answer, subject }) => {
    const items = answer.differential.items;
    const shown = [
      ...items.filter((i) => i.listedBecause === 'rank').slice(0, RANKED_ITEMS),
      ...items.filter((i) => i.listedBecause !== 'rank'),
    ].slice(0, MAX_DIFFERENTIAL_CARDS);
    const cards = shown.map((item): CardDraft => {
      const urgent = item.urgency === 'emergency' || item.urgency === 'urgent';
      const links = sources.links(item.sources);
      return {
        card: {
          summary: cardSummary(
            `${item.label} (${percent(item.probability)}) — differential suggestion`,
          ),
          detail: [
            `**${md(item.display)}** (ICD-10-CM ${item.icd10}) — ${percent(item.probability)}, urgency ${item.urgency}${item.cantMiss ? ', can’t-miss' : ''}.`,
            '',
            ...evidence(item),
            '',
            `${rankedBy(answer)}; MediAssist knowledge base ${answer.provenance.kbVersion}.`,
            '',
            NOT_A_DIAGNOSIS,
          ].join('\n'),
          indicator: item.cantMiss || urgent ? 'warning' : 'info',
          source: sources.source(item.sources),
          overrideReasons: overrideReasonsFor('condition'),
          ...(links ? { links } : {}),
        },
        refs: [{ kind: 'condition', id: item.conditionId }],
      };
    });
    for (const flag of answer.redFlags) {
      cards.push({
        card: {
          summary: cardSummary(`Red flag: ${flag.advice}`),
          detail: [
            md(flag.advice),
            '',
            `Urgency: ${flag.escalateTo}. Findings: ${flag.findings.map(md).join(', ')}.`,
            flag.consider.length > 0
              ? `Keep on the differential: ${flag.consider.map(md).join(', ')}.`
              : '',
          ]
            .filter((line, i, all) => line !== '' || all[i - 1] !== '')
            .join('\n'),
          indicator: 'warning',
          source: sources.source(flag.sources),
        },
        refs: [],
      });
    }
    const tests = answer.recommendedTests.items
      .filter((t) => t.status === 'recommended')
      .slice(0, MAX_TEST_SUGGESTIONS);
    const suggestions = tests.flatMap((t): SuggestionDraft[] => {
      const test = kb.test(t.testId);
      return test
        ? [
            {
              suggestion: {
                label: `Order ${test.display}`,
                actions: [
                  {
                    type: 'create',
                    description: `Draft an order for ${test.display}`,
                    resource: draftServiceRequest(test, subject),
                  },
                ],
              },
              refs: [{ kind: 'test', id: test.id }],
            },
          ]
        : [];
    });
    if (tests.length > 0) {
      const testSources = tests.flatMap((t) => t.sources);
      const links = sources.links(testSources);
      cards.push({
        card: {
          summary: cardSummary(`Tests to consider: ${tests.map((t) => t.display).join(', ')}`),
          detail: [
            ...tests.map((t) => {
              const why = t.because[0];
              return `- **${md(t.display)}** — ${md(why?.rationale ?? '')} (${md(why?.strength ?? '')}, ${String(why?.year ?? '')})`;
            }),
            '',
            answer.recommendedTests.recentTestsKnown
              ? 'Tests done recently are left out.'
              : 'Recent tests could not be read; some of these may already be done.',
            '',
            `_Guideline recommendations, MediAssist knowledge base ${kb.version}._`,
          ].join('\n'),
          indicator: 'info',
          source: sources.source(testSources),
          ...(suggestions.length > 0 ? { selectionBehavior: 'any' as const } : {}),
          overrideReasons: overrideReasonsFor('test'),
          ...(links ? { links } : {}),
        },
        ...(suggestions.length > 0 ? { suggestions } : {}),
        refs: tests.map((t) => ({ kind: 'test' as const, id: t.testId })),
      });
    }
    return cards;
  };
}
