/**
 * Chronic-care monitoring for patient-view: for each active chronic condition, the tests its
 * guideline rules recommend that the record does not show within the rule's window (HbA1c every
 * 90 days in diabetes, urine ACR yearly, …). Only monitoring rules are used (`isMonitoringRule`).
 */
import { recommendTests, type LastDone, type TestRecommendation } from '@mediassist/shared/care';
import type { GuidelineRule, KnowledgeBase } from '@mediassist/shared/kb';
import type { CardDraft, SuggestionDraft } from '../card-draft.js';
import type { CardSources } from '../card-source.js';
import { cardSummary, md } from '../card-text.js';
import type { Demographics } from '../patient-record.js';
import { overrideReasonsFor } from '../override-reasons.js';
import { draftServiceRequest, type SubjectRefs } from '../suggested-resources.js';

export const MAX_CHRONIC_CARDS = 3;

/**
 * A rule fired by a condition alone, and not worded as the work-up of a new or suspected case.
 * Rules that also fire on presenting findings are work-up for a presentation. The knowledge base
 * has no field for a rule's purpose yet, so its own rationale wording ("New hypertension: …",
 * "Suspected coeliac disease: …") is used; shipped-rules tests list which rules count.
 */
export function isMonitoringRule(rule: GuidelineRule): boolean {
  return rule.when.anyFindings.length === 0 && !/^(?:new|suspected)\b/i.test(rule.rationale);
}
const MAX_TESTS = 5;

export interface ChronicCareCardsInput {
  conditions: readonly string[];
  demographics: Demographics;
  lastDone: LastDone;
  now: Date;
  subject: SubjectRefs;
}

export function createChronicCareCards(options: {
  kb: Pick<KnowledgeBase, 'condition' | 'guidelineRules' | 'test' | 'version'>;
  sources: CardSources;
}): (input: ChronicCareCardsInput) => CardDraft[] {
  const { kb, sources } = options;
  const monitoringRules = new Set(kb.guidelineRules.filter(isMonitoringRule).map((r) => r.id));
  return ({ conditions, demographics, lastDone, now, subject }) => {
    const chronic = conditions.filter((id) => kb.condition(id)?.course === 'chronic');
    if (chronic.length === 0) {
      return [];
    }
    const { tests } = recommendTests({
      kb,
      conditions: chronic,
      presentFindings: [],
      patient: {
        ...(demographics.age === null ? {} : { age: demographics.age }),
        ...(demographics.sex === null ? {} : { sex: demographics.sex }),
      },
      lastDone,
      now,
    });
    const cards: CardDraft[] = [];
    for (const conditionId of chronic) {
      const due = tests
        .filter((t) => t.status === 'recommended')
        .map((t): [TestRecommendation, TestRecommendation['because']] => [
          t,
          t.because.filter(
            (b) => monitoringRules.has(b.ruleId) && b.matchedConditions.includes(conditionId),
          ),
        ])
        .filter(([, because]) => because.length > 0)
        .slice(0, MAX_TESTS);
      if (due.length === 0 || cards.length >= MAX_CHRONIC_CARDS) {
        continue;
      }
      const display = kb.condition(conditionId)?.display ?? conditionId;
      const suggestions = due.flatMap(([t]): SuggestionDraft[] => {
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
      const ruleSources = due.flatMap(([, because]) => because.flatMap((b) => b.sources));
      const links = sources.links(ruleSources);
      cards.push({
        card: {
          summary: cardSummary(
            `${display}: ${due.map(([t]) => t.display).join(', ')} not found in the record recently`,
          ),
          detail: [
            `Guideline monitoring for **${md(display)}** not found in the record:`,
            '',
            ...due.map(([t, because]) => {
              const rule = because[0];
              const last = lastDone[t.testId];
              return `- **${md(t.display)}** — ${md(rule?.rationale ?? '')} (${md(rule?.strength ?? '')}, ${String(rule?.year ?? '')}). ${last === undefined ? 'Not found.' : `Last done ${last}.`}`;
            }),
            '',
            `_MediAssist knowledge base ${kb.version}. Tests done elsewhere and not yet recorded will show here._`,
          ].join('\n'),
          indicator: 'info',
          source: sources.source(ruleSources),
          ...(suggestions.length > 0 ? { selectionBehavior: 'any' as const } : {}),
          overrideReasons: overrideReasonsFor('test'),
          ...(links ? { links } : {}),
        },
        ...(suggestions.length > 0 ? { suggestions } : {}),
        refs: due.map(([t]) => ({ kind: 'test' as const, id: t.testId })),
      });
    }
    return cards;
  };
}
