/**
 * Notices: `info` cards that say what MediAssist could not check and why — data the EHR neither
 * prefetched nor let us read, and medications the knowledge base could not resolve — so that a
 * missing warning is never mistaken for "checked, nothing found". Not recorded for feedback.
 */
import type { UnresolvedDrug } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { CardDraft } from '../card-draft.js';
import { cardSummary, md } from '../card-text.js';
import type { PrefetchGap, PrefetchGapReason } from '../prefetch-resolver.js';
import { PREFETCH_KEYS } from '../service-catalog.js';

const REASONS: Readonly<Record<PrefetchGapReason, string>> = {
  'not-prefetched': 'not prefetched, and no FHIR server was given',
  'no-context-value': 'the hook context lacks the id needed to query it',
  timeout: 'the FHIR server did not answer in time',
  unreachable: 'the FHIR server could not be reached',
  unauthorized: 'the FHIR server refused the access token',
  'not-found': 'not found on the FHIR server',
  'http-error': 'the FHIR server answered with an error',
  'invalid-response': 'the FHIR server’s answer was not a FHIR resource',
  'too-large': 'the FHIR server’s answer was too large',
  'insecure-server': 'the FHIR server is not https, so the access token was not sent',
};

export interface NoticeCards {
  /** What could not be read, and what that leaves unchecked (`consequence`). */
  unread(gaps: readonly PrefetchGap[], consequence: string): CardDraft[];
  /** Medications that could not be checked for interactions. */
  unresolved(drugs: readonly UnresolvedDrug[], unnamed: number): CardDraft[];
  /** Any other thing that was not checked. */
  plain(summary: string, detail: string): CardDraft;
}

export function createNoticeCards(options: { kb: Pick<KnowledgeBase, 'version'> }): NoticeCards {
  const source = { label: `MediAssist knowledge base ${options.kb.version}` };
  return {
    plain(summary, detail) {
      return {
        card: { summary: cardSummary(summary), detail: md(detail), indicator: 'info', source },
        refs: [],
      };
    },
    unread(gaps, consequence) {
      if (gaps.length === 0) {
        return [];
      }
      return [
        {
          card: {
            summary: cardSummary(
              `MediAssist could not read: ${gaps.map((g) => PREFETCH_KEYS[g.key].replace(/ \(.*\)$/, '')).join(', ')}`,
            ),
            detail: [
              ...gaps.map((g) => `- **${md(PREFETCH_KEYS[g.key])}:** ${REASONS[g.reason]}.`),
              '',
              md(consequence),
            ].join('\n'),
            indicator: 'info',
            source,
          },
          refs: [],
        },
      ];
    },
    unresolved(drugs, unnamed) {
      const count = drugs.length + unnamed;
      if (count === 0) {
        return [];
      }
      const names = drugs.map((d) => (/^\d+$/.test(d.input) ? `RxNorm ${d.input}` : md(d.input)));
      return [
        {
          card: {
            summary: cardSummary(
              `${String(count)} medication${count === 1 ? '' : 's'} could not be checked for interactions`,
            ),
            detail: [
              ...(names.length > 0 ? [`Not in the knowledge base: ${names.join(', ')}.`] : []),
              ...(unnamed > 0
                ? [
                    `${String(unnamed)} medication order${unnamed === 1 ? ' names' : 's name'} no drug code or name.`,
                  ]
                : []),
              '',
              'Check these for interactions by other means.',
            ].join('\n'),
            indicator: 'info',
            source,
          },
          refs: [],
        },
      ];
    },
  };
}
