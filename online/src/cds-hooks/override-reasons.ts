/**
 * Override reasons offered on cards, per kind of suggestion, coded so that an override becomes a
 * `dismissed` feedback event with one of the closed DISMISS_REASONS (no free text is ever kept).
 * A reason from another code system (an EHR's own list) or none at all counts as `other`.
 */
import type { CdsCoding } from '@mediassist/shared/api';
import { DISMISS_REASONS, type SUGGESTION_KINDS } from '@mediassist/shared/events';

export const OVERRIDE_REASON_SYSTEM = 'urn:mediassist:cds-hooks:override-reason';

export type DismissReason = (typeof DISMISS_REASONS)[number];
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

const REASONS: Readonly<Record<SuggestionKind, readonly (readonly [DismissReason, string])[]>> = {
  interaction: [
    ['already-considered', 'Aware of the interaction; benefit outweighs risk, will monitor'],
    ['not-clinically-relevant', 'Not clinically relevant for this patient'],
    ['data-incorrect', 'Medication list is out of date or incorrect'],
    ['other', 'Other reason'],
  ],
  'care-gap': [
    ['already-done', 'Already done (elsewhere or not yet recorded)'],
    ['patient-declined', 'Patient declined'],
    ['not-clinically-relevant', 'Not appropriate for this patient'],
    ['data-incorrect', 'Record is incorrect'],
    ['other', 'Other reason'],
  ],
  condition: [
    ['already-considered', 'Already considered'],
    ['ruled-out', 'Already ruled out'],
    ['not-clinically-relevant', 'Not relevant to this presentation'],
    ['other', 'Other reason'],
  ],
  test: [
    ['already-done', 'Already done (elsewhere or not yet recorded)'],
    ['not-clinically-relevant', 'Not indicated for this patient'],
    ['patient-declined', 'Patient declined'],
    ['other', 'Other reason'],
  ],
};

/** The override reasons a card about this kind of suggestion offers. */
export function overrideReasonsFor(kind: SuggestionKind): (CdsCoding & { display: string })[] {
  return REASONS[kind].map(([code, display]) => ({
    code,
    system: OVERRIDE_REASON_SYSTEM,
    display,
  }));
}

/** The closed dismiss reason for the coding an EHR sent back (`other` when it is not ours). */
export function dismissReasonOf(reason: CdsCoding | undefined): DismissReason {
  if (reason?.system !== OVERRIDE_REASON_SYSTEM) {
    return 'other';
  }
  return DISMISS_REASONS.find((r) => r === reason.code) ?? 'other';
}
