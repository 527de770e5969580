/**
 * CDS Hooks feedback → nearline feedback events. Each outcome is resolved through the card registry
 * to its patient (pseudonym), encounter, model version and knowledge-base suggestion(s):
 * `accepted` → an `accepted` event per accepted suggestion's target (the card's own target when no
 * listed suggestion was named); `overridden` → a `dismissed` event with the coded reason (`other`
 * when none or not ours). Event ids are name-based, so re-sent feedback is idempotent.
 */
import type { CdsFeedbackRequest, CdsFeedbackResponse } from '@mediassist/shared/api';
import { AppError, toAppError } from '@mediassist/shared/errors';
import type { EventIntake, EventNormalizer, Feedback } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import type { SuggestionRef } from './card-draft.js';
import type { CardRecord, CardRegistry } from './card-registry.js';
import { nameBasedUuid } from './name-based-uuid.js';
import { dismissReasonOf } from './override-reasons.js';
import type { CdsServiceId } from './service-catalog.js';

export interface CdsFeedbackDeps {
  registry: CardRegistry;
  /** The nearline intake; absent → DEPENDENCY_UNAVAILABLE. */
  intake: EventIntake | undefined;
  normalizer: Pick<EventNormalizer, 'feedback'>;
}

export interface CdsFeedbackResult {
  response: CdsFeedbackResponse;
  /** Patients the feedback was about (for the access audit). */
  patients: PatientId[];
}

export interface CdsFeedback {
  record(options: {
    serviceId: CdsServiceId;
    body: CdsFeedbackRequest;
  }): Promise<CdsFeedbackResult>;
}

type Item = CdsFeedbackRequest['feedback'][number];

function targets(item: Item, record: CardRecord): SuggestionRef[] {
  const named =
    item.outcome === 'accepted'
      ? (item.acceptedSuggestions ?? []).flatMap((s) => record.suggestions[s.id] ?? [])
      : [];
  const refs = named.length > 0 ? named : record.refs;
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.kind}|${ref.id}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

function feedbackFor(item: Item, suggestion: SuggestionRef): Feedback {
  return item.outcome === 'accepted'
    ? { action: 'accepted', suggestion }
    : {
        action: 'dismissed',
        suggestion,
        reason: dismissReasonOf(item.overrideReason?.reason),
      };
}

export function createCdsFeedback(deps: CdsFeedbackDeps): CdsFeedback {
  const { registry, intake, normalizer } = deps;
  return {
    async record({ serviceId, body }) {
      const records = await registry.lookup(body.feedback.map((item) => item.card));
      const unknownCards: string[] = [];
      const patients = new Set<PatientId>();
      const events = body.feedback.flatMap((item, i) => {
        const record = records[i];
        if (!record || record.service !== serviceId) {
          unknownCards.push(item.card);
          return [];
        }
        patients.add(record.patientId);
        return targets(item, record).map((ref) => {
          const feedback = feedbackFor(item, ref);
          try {
            return normalizer.feedback({
              eventId: nameBasedUuid(
                [record.card, item.outcome, ref.kind, ref.id, item.outcomeTimestamp].join('|'),
              ),
              patient: { pseudonym: record.patientId },
              encounter: { pseudonym: record.encounterId },
              occurredAt: item.outcomeTimestamp,
              modelVersion: record.modelVersion,
              feedback,
            });
          } catch (thrown) {
            const error = toAppError(thrown);
            throw new AppError(error.code, error.message, {
              cause: error,
              details: error.details.map((d) => ({
                ...d,
                path: `json.feedback.${String(i)}.${d.path}`,
              })),
            });
          }
        });
      });
      if (events.length > 0 && !intake) {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'The event queue is not configured');
      }
      let recorded = 0;
      for (const event of events) {
        try {
          await intake?.submit(event);
          recorded += 1;
        } catch (thrown) {
          // The same outcome re-sent with other content (e.g. another reason) keeps the first.
          if (!(thrown instanceof AppError && thrown.code === 'CONFLICT')) {
            throw thrown;
          }
        }
      }
      return { response: { recorded, unknownCards }, patients: [...patients] };
    },
  };
}
