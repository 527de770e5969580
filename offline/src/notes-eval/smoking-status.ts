/**
 * Smoking status (LOINC 72166-2, a SNOMED value; docs/specs/fhir-profile.md) as KB findings: a
 * smoker or ex-smoker value is that KB finding, present; "never smoked tobacco" has no KB finding
 * and states that the patient is not a smoker, so it is the smoker finding, absent.
 */
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';

export const SMOKING_STATUS_LOINC = '72166-2';
export const NEVER_SMOKER_SNOMED = '266919005';
const SMOKER_SNOMED = '77176002';

export interface FindingStatus {
  findingId: string;
  present: boolean;
}

/** The finding a smoking-status value states, or undefined when the KB cannot express it. */
export function smokingStatusFinding(
  value: { system: string; code: string },
  kb: KnowledgeBase,
): FindingStatus | undefined {
  const finding = kb.findingByCode(value.system, value.code);
  if (finding) {
    return { findingId: finding.id, present: true };
  }
  const smoker = kb.findingByCode(CODE_SYSTEMS.snomed, SMOKER_SNOMED);
  return value.system === CODE_SYSTEMS.snomed && value.code === NEVER_SMOKER_SNOMED && smoker
    ? { findingId: smoker.id, present: false }
    : undefined;
}
