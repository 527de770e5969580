/** Words and numbers as the screen shows them; pure, so each rule is unit-tested. */
import type { AssistFallbackReason, AssistViewState } from '@mediassist/shared/api';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `45 s`, `12 min`, `5 h`, `3 days`, `1 day`. */
export function formatAge(ms: number): string {
  if (ms < MINUTE) {
    return `${String(Math.max(0, Math.round(ms / 1000)))} s`;
  }
  if (ms < HOUR) {
    return `${String(Math.round(ms / MINUTE))} min`;
  }
  if (ms < DAY) {
    return `${String(Math.round(ms / HOUR))} h`;
  }
  const days = Math.round(ms / DAY);
  return days === 1 ? '1 day' : `${String(days)} days`;
}

/** Probabilities under 1% read `<1%` so a small number never looks like zero. */
export function formatPercent(p: number): string {
  if (p > 0 && p < 0.01) {
    return '<1%';
  }
  return `${String(Math.round(p * 100))}%`;
}

const SEX_LABELS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other' };

export function sexLabel(sex: string | null): string {
  return (sex === null ? undefined : SEX_LABELS[sex]) ?? 'Sex unknown';
}

/** `Female, 70` / `Age unknown`. */
export function patientLabel(age: number | null, sex: string | null): string {
  return `${sexLabel(sex)}, ${age === null ? 'age unknown' : String(age)}`;
}

/** `pt_1a2b3c4d…` (enough to tell demo patients apart; the full id is in the title). */
export function shortPseudonym(id: string): string {
  return id.length > 12 ? `${id.slice(0, 11)}…` : id;
}

const VIEW_NAMES: Record<string, string> = {
  demographics: 'Demographics',
  condition_history: 'Conditions',
  medication_list: 'Medications',
  recent_findings: 'Recent findings',
  recent_tests: 'Recent tests',
  care_gaps: 'Care gaps',
  patient_embedding: 'History summary (model input)',
};

export function viewLabel(view: string): string {
  return VIEW_NAMES[view] ?? view.replaceAll('_', ' ');
}

export function viewStateLabel(state: AssistViewState): string {
  switch (state) {
    case 'fresh':
      return 'Up to date';
    case 'stale':
      return 'Stale';
    case 'missing':
      return 'Not recorded';
    case 'incompatible':
      return 'Outdated format';
    case 'invalid':
      return 'Unreadable';
    case 'unavailable':
      return 'Unavailable';
    default:
      state satisfies never;
      return state;
  }
}

export function fallbackReasonText(reason: AssistFallbackReason | null): string {
  switch (reason) {
    case 'features-missing':
      return 'the patient’s stored record is incomplete';
    case 'features-stale':
      return 'the patient’s stored record is too old for the model';
    case 'features-unavailable':
      return 'the patient’s stored record could not be read';
    case 'model-absent':
      return 'no diagnosis model is deployed';
    case 'model-failed':
      return 'the diagnosis model failed';
    case 'model-timeout':
      return 'the diagnosis model did not answer in time';
    case 'overloaded':
      return 'the service was busy and answered without the patient’s record and the model';
    case null:
      return 'the diagnosis model did not contribute';
    default:
      reason satisfies never;
      return reason;
  }
}

/** `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
