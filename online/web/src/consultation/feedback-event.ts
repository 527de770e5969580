/**
 * The `POST /api/v1/events/feedback` body for accepting or dismissing one suggestion. Reasons are the
 * shared closed list, so no free text is ever collected; the model version says which model (or none,
 * for guidelines alone) made the suggestion.
 */
import type { FeedbackEventInput } from '@mediassist/shared/events';
import type { SuggestionKind } from './consultation-state.js';

/** The dismiss reasons of the shared contract (`DISMISS_REASONS`), in the words the screen uses. */
export const DISMISS_REASON_LABELS = {
  'not-clinically-relevant': 'Not clinically relevant',
  'already-considered': 'Already considered',
  'ruled-out': 'Ruled out',
  'already-done': 'Already done',
  'patient-declined': 'Patient declined',
  'data-incorrect': 'Patient data incorrect',
  other: 'Other reason',
} as const;
export type DismissReason = keyof typeof DISMISS_REASON_LABELS;

export interface FeedbackChoice {
  kind: SuggestionKind;
  id: string;
  action: 'accepted' | 'dismissed';
  /** Required when dismissed. */
  reason?: DismissReason;
}

export interface FeedbackEventOptions {
  eventId: string;
  patientId: string;
  encounterId: string;
  occurredAt: Date;
  /** From the answer's provenance; null when guidelines alone answered. */
  modelVersion: string | null;
  choice: FeedbackChoice;
}

export function buildFeedbackEvent(options: FeedbackEventOptions): FeedbackEventInput {
  const { eventId, patientId, encounterId, occurredAt, modelVersion, choice } = options;
  const suggestion = { kind: choice.kind, id: choice.id };
  const header = {
    eventId,
    patient: { pseudonym: patientId },
    encounter: { pseudonym: encounterId },
    occurredAt: occurredAt.toISOString(),
    modelVersion,
  };
  if (choice.action === 'accepted') {
    return { ...header, feedback: { action: 'accepted', suggestion } };
  }
  if (choice.reason === undefined) {
    throw new Error('A dismissal needs a reason');
  }
  return { ...header, feedback: { action: 'dismissed', suggestion, reason: choice.reason } };
}
