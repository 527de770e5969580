/**
 * A summary as the draft FHIR document the summarize route returns. The subject and encounter are
 * named by their MediAssist pseudonyms as logical references (`Reference.identifier`): a pseudonym is
 * not a FHIR id (`pt_…` has an underscore) nor the EHR's own id, so the EHR resolves it before filing.
 */
import { PSEUDONYM_IDENTIFIER_SYSTEMS } from '@mediassist/shared/api';
import type { EncounterId, PatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { toFhirComposition, type ClinicalSummary } from '@mediassist/shared/text';

export interface DraftBundleOptions {
  summary: ClinicalSummary;
  patient?: PatientId | undefined;
  encounter?: EncounterId | undefined;
  /** ISO date-time stamped on the bundle and every resource. */
  now: string;
  kb: KnowledgeBase;
}

export type DraftBundle = ReturnType<typeof toFhirComposition>;

/** Shown as the subject when the request named no patient (every resource still has a subject). */
export const UNIDENTIFIED_PATIENT_DISPLAY = 'Patient not identified in the request';

type Reference = Readonly<Record<string, unknown>>;

/** A deep copy of `value` with every `{ reference: <key> }` object replaced by its mapped reference. */
function replaceReferences(value: unknown, replacements: ReadonlyMap<string, Reference>): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => replaceReferences(v, replacements));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const record = value as Record<string, unknown>;
  const reference = record['reference'];
  if (typeof reference === 'string' && Object.keys(record).length === 1) {
    const replacement = replacements.get(reference);
    if (replacement) {
      return replacement;
    }
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, child]) => [key, replaceReferences(child, replacements)]),
  );
}

export function draftBundle(options: DraftBundleOptions): DraftBundle {
  const { summary, patient, encounter, now, kb } = options;
  // Stand-in references: unique per pseudonym (they seed the bundle's deterministic ids), then
  // swapped for logical references.
  const patientRef = `Patient/${patient ?? 'unidentified'}`;
  const encounterRef = encounter === undefined ? undefined : `Encounter/${encounter}`;
  const bundle = toFhirComposition(summary, {
    patientRef,
    ...(encounterRef === undefined ? {} : { encounterRef }),
    now,
    kb,
  });
  const replacements = new Map<string, Reference>([
    [
      patientRef,
      patient === undefined
        ? { display: UNIDENTIFIED_PATIENT_DISPLAY }
        : {
            type: 'Patient',
            identifier: { system: PSEUDONYM_IDENTIFIER_SYSTEMS.patient, value: patient },
          },
    ],
  ]);
  if (encounterRef !== undefined && encounter !== undefined) {
    replacements.set(encounterRef, {
      type: 'Encounter',
      identifier: { system: PSEUDONYM_IDENTIFIER_SYSTEMS.encounter, value: encounter },
    });
  }
  return replaceReferences(bundle, replacements) as DraftBundle;
}
