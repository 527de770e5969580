/**
 * The `POST /api/v1/assist` body for the consultation so far, or null while there is nothing to ask
 * (no patient, or no finding, text or proposed drug yet). Equal consultations give equal keys, so an
 * unchanged screen never asks twice.
 */
import type { AssistRequestInput } from '@mediassist/shared/api';
import type { ConsultationState } from './consultation-state.js';

/** Differential items shown (can't-miss and red-flag items come on top). */
export const DIFFERENTIAL_LIMIT = 8;

export function buildAssistRequest(state: ConsultationState): AssistRequestInput | null {
  const { patient, findings, freeText, proposedDrugs } = state;
  const text = freeText.trim();
  if (!patient || (findings.length === 0 && text.length === 0 && proposedDrugs.length === 0)) {
    return null;
  }
  const request: AssistRequestInput = {
    patient: { pseudonym: patient.patientId },
    findings: {
      present: findings.filter((f) => f.status === 'present').map((f) => f.id),
      absent: findings.filter((f) => f.status === 'absent').map((f) => f.id),
    },
    medications: { active: [], proposed: proposedDrugs.map((d) => d.rxcui) },
    limit: DIFFERENTIAL_LIMIT,
  };
  if (text.length > 0) {
    request.text = text;
  }
  // The age chooses children's vital-sign cut-offs for vitals in the free text.
  if (typeof patient.age === 'number') {
    request.age = patient.age;
  }
  return request;
}

export function assistRequestKey(request: AssistRequestInput | null): string {
  return request === null ? '' : JSON.stringify(request);
}
