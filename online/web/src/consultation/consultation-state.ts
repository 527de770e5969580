/**
 * The consultation as the doctor builds it: the open patient, the findings entered (present or
 * absent, with where each came from), free text, drugs being considered, and the feedback given on
 * each suggestion. A reducer, so every change is a plain, testable transition.
 */
import type { PatientSummaryResponse } from '@mediassist/shared/api';

export type FindingStatus = 'present' | 'absent';

export interface FindingEntry {
  id: string;
  display: string;
  status: FindingStatus;
  /** Typed with the typeahead, answered from a next question, or taken from the note. */
  from: 'typed' | 'question' | 'note';
}

export interface DrugEntry {
  rxcui: string;
  name: string;
}

export type SuggestionKind = 'condition' | 'test' | 'interaction' | 'care-gap';

export interface FeedbackEntry {
  action: 'accepted' | 'dismissed';
  reason: string | null;
  state: 'sending' | 'recorded' | 'failed';
  eventId: string;
  /** Shown when the service refused or could not be reached. */
  error: string | null;
}

export interface ConsultationState {
  patient: PatientSummaryResponse | null;
  encounterId: string;
  findings: readonly FindingEntry[];
  freeText: string;
  proposedDrugs: readonly DrugEntry[];
  /** `${kind}:${id}` → the latest feedback on that suggestion. */
  feedback: Readonly<Record<string, FeedbackEntry>>;
}

export type ConsultationAction =
  | { type: 'patient-opened'; patient: PatientSummaryResponse; encounterId: string }
  | { type: 'patient-closed' }
  | { type: 'finding-set'; finding: FindingEntry }
  | { type: 'finding-toggled'; id: string }
  | { type: 'finding-removed'; id: string }
  | { type: 'findings-merged'; findings: readonly FindingEntry[] }
  | { type: 'free-text-changed'; text: string }
  | { type: 'drug-proposed'; drug: DrugEntry }
  | { type: 'drug-removed'; rxcui: string }
  | { type: 'feedback-changed'; kind: SuggestionKind; id: string; entry: FeedbackEntry };

export function feedbackKey(kind: SuggestionKind, id: string): string {
  return `${kind}:${id}`;
}

export function initialConsultation(encounterId: string): ConsultationState {
  return {
    patient: null,
    encounterId,
    findings: [],
    freeText: '',
    proposedDrugs: [],
    feedback: {},
  };
}

/** Adding a finding that is already listed replaces it (a later answer wins), keeping its place. */
function setFinding(findings: readonly FindingEntry[], finding: FindingEntry): FindingEntry[] {
  const at = findings.findIndex((f) => f.id === finding.id);
  if (at === -1) {
    return [...findings, finding];
  }
  return findings.map((f, i) => (i === at ? finding : f));
}

export function consultationReducer(
  state: ConsultationState,
  action: ConsultationAction,
): ConsultationState {
  switch (action.type) {
    case 'patient-opened':
      return { ...initialConsultation(action.encounterId), patient: action.patient };
    case 'patient-closed':
      return { ...initialConsultation(state.encounterId) };
    case 'finding-set':
      return { ...state, findings: setFinding(state.findings, action.finding) };
    case 'finding-toggled':
      return {
        ...state,
        findings: state.findings.map((f) =>
          f.id === action.id ? { ...f, status: f.status === 'present' ? 'absent' : 'present' } : f,
        ),
      };
    case 'finding-removed':
      return { ...state, findings: state.findings.filter((f) => f.id !== action.id) };
    case 'findings-merged':
      return { ...state, findings: action.findings.reduce(setFinding, [...state.findings]) };
    case 'free-text-changed':
      return { ...state, freeText: action.text };
    case 'drug-proposed':
      return state.proposedDrugs.some((d) => d.rxcui === action.drug.rxcui)
        ? state
        : { ...state, proposedDrugs: [...state.proposedDrugs, action.drug] };
    case 'drug-removed':
      return {
        ...state,
        proposedDrugs: state.proposedDrugs.filter((d) => d.rxcui !== action.rxcui),
      };
    case 'feedback-changed':
      return {
        ...state,
        feedback: { ...state.feedback, [feedbackKey(action.kind, action.id)]: action.entry },
      };
    default:
      action satisfies never;
      return state;
  }
}
