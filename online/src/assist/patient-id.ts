/** The request's patient reference as the pseudonym everything downstream uses; source ids stop here. */
import { AppError } from '@mediassist/shared/errors';
import type { PatientRef } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { pseudonymizePatientId, type PseudonymKey } from '@mediassist/shared/pseudonym';

/** Throws VALIDATION_FAILED (`source_ids_not_accepted`) for a source id when no key is configured. */
export function patientIdOf(ref: PatientRef, key: PseudonymKey | undefined): PatientId {
  if ('pseudonym' in ref) {
    return ref.pseudonym;
  }
  if (key === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the patient pseudonym; source ids are not accepted here',
      {
        details: [{ path: 'json.patient.sourceId', issue: 'source_ids_not_accepted' }],
      },
    );
  }
  return pseudonymizePatientId(ref.sourceId, key);
}
