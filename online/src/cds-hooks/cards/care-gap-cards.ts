/**
 * Preventive-care cards for patient-view: one per open USPSTF A/B or ACIP service (soonest due
 * first, at most five, then one card naming the rest), each with "order" suggestions for the tests
 * that satisfy it. Overdue services are `warning`, never-done ones `info`.
 */
import type { CareGap } from '@mediassist/shared/care';
import type { KnowledgeBase, Test } from '@mediassist/shared/kb';
import type { CardDraft, SuggestionDraft } from '../card-draft.js';
import type { CardSources } from '../card-source.js';
import { cardSummary, md } from '../card-text.js';
import { overrideReasonsFor } from '../override-reasons.js';
import { draftServiceRequest, type SubjectRefs } from '../suggested-resources.js';

export const MAX_CARE_GAP_CARDS = 5;
const MAX_ORDER_SUGGESTIONS = 3;

export interface CareGapCardsInput {
  gaps: readonly CareGap[];
  subject: SubjectRefs;
  /** False when procedures/immunizations/results could not be read (done services may show as due). */
  historyKnown: boolean;
}

const gradeText = (gap: CareGap): string =>
  gap.grade === 'ACIP'
    ? `ACIP recommendation (${String(gap.year)})`
    : `USPSTF grade ${gap.grade} (${String(gap.year)})`;

/** "Colorectal cancer screening, ages 50-75 (…)" → "Colorectal cancer screening, ages 50-75". */
const shortTitle = (title: string): string => title.replace(/\s*\([^)]*\)\s*$/, '');

export function createCareGapCards(options: {
  kb: Pick<KnowledgeBase, 'test' | 'version'>;
  sources: CardSources;
}): (input: CareGapCardsInput) => CardDraft[] {
  const { kb, sources } = options;
  return ({ gaps, subject, historyKnown }) => {
    const shown = gaps.slice(0, MAX_CARE_GAP_CARDS).map((gap): CardDraft => {
      const ref = { kind: 'care-gap' as const, id: gap.serviceId };
      const tests = gap.satisfiedBy.flatMap((id): Test[] => {
        const test = kb.test(id);
        return test ? [test] : [];
      });
      const suggestions = tests.slice(0, MAX_ORDER_SUGGESTIONS).map((test): SuggestionDraft => ({
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
        refs: [ref],
      }));
      const last = gap.lastDone;
      const lines = [
        `**${md(gap.title)}** — ${gradeText(gap)}.`,
        '',
        last
          ? `Last done: ${md(kb.test(last.testId)?.display ?? last.testId)} on ${last.date}; due again since ${gap.dueDate ?? 'now'}.`
          : 'Not found in the record.',
        `Satisfied by: ${tests.map((t) => md(t.display)).join(', ')}.`,
      ];
      if (!historyKnown) {
        lines.push(
          '',
          'Procedures, immunizations or results could not be read, so a service done elsewhere may show as due.',
        );
      }
      lines.push('', `_MediAssist knowledge base ${kb.version}._`);
      const links = sources.links(gap.sources);
      return {
        card: {
          summary: cardSummary(
            `${gap.status === 'overdue' ? 'Overdue' : 'Due'}: ${shortTitle(gap.title)}`,
          ),
          detail: lines.join('\n'),
          indicator: gap.status === 'overdue' ? 'warning' : 'info',
          source: sources.source(gap.sources),
          ...(suggestions.length > 0 ? { selectionBehavior: 'at-most-one' as const } : {}),
          overrideReasons: overrideReasonsFor('care-gap'),
          ...(links ? { links } : {}),
        },
        ...(suggestions.length > 0 ? { suggestions } : {}),
        refs: [ref],
      };
    });
    const rest = gaps.slice(MAX_CARE_GAP_CARDS);
    if (rest.length > 0) {
      shown.push({
        card: {
          summary: cardSummary(
            `${String(rest.length)} more preventive service${rest.length === 1 ? ' is' : 's are'} due`,
          ),
          detail: rest.map((gap) => `- ${md(gap.title)} — ${gradeText(gap)}`).join('\n'),
          indicator: 'info',
          source: sources.source(rest.flatMap((gap) => gap.sources)),
        },
        refs: [],
      });
    }
    return shown;
  };
}
