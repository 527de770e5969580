/**
 * A card before it is issued: the CDS Hooks card without uuids, plus what accepting or overriding it
 * is feedback about (`refs`, knowledge-base suggestion references). Cards without refs are notices
 * (what could not be checked); they are issued but not recorded for feedback.
 */
import type { CdsCard, CdsSuggestion } from '@mediassist/shared/api';
import type { SuggestionKind } from './override-reasons.js';

export interface SuggestionRef {
  kind: SuggestionKind;
  /** The KB id: an interaction rule, a preventive service, a condition or a test. */
  id: string;
}

export interface SuggestionDraft {
  suggestion: Omit<CdsSuggestion, 'uuid'>;
  /** What accepting this suggestion is feedback about. */
  refs: SuggestionRef[];
}

export interface CardDraft {
  card: Omit<CdsCard, 'uuid' | 'suggestions'>;
  suggestions?: SuggestionDraft[];
  /** What overriding the card (or accepting it without a listed suggestion) is feedback about. */
  refs: SuggestionRef[];
}
