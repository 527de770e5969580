/**
 * The evaluation's view of a data source, whatever it is read from (a FHIR Bulk Data export or the
 * lake): the notes, and per patient the coded facts the notes are scored against, already mapped to
 * knowledge-base ids (findings, conditions, ingredient RxCUIs). Nothing here is ever logged.
 */

/** When something happened: the calendar day as recorded, and the instant when the source has one. */
export interface RecordTime {
  /** `YYYY-MM-DD`, the source's own (local) calendar day. */
  day: string;
  /** Epoch milliseconds; absent for day-precision sources (the lake). */
  ms?: number | undefined;
}

export interface NoteRecord {
  /** The note's id in its source (a DocumentReference id, or a lake row number). */
  id: string;
  patient: string;
  encounter: string | undefined;
  /** The end of the visit (or the note's date): facts up to this time are "as of the note". */
  at: RecordTime;
  text: string;
  /**
   * The patient's age in years at the note (fractional from a birth date; whole years from the
   * lake's `age_at_visit`), for children's vital-sign cut-offs; undefined when the source has none.
   */
  ageYears?: number | undefined;
}

/** A finding Observation (`valueBoolean`): documented present or explicitly absent. */
export interface FindingRecord {
  encounter: string | undefined;
  findingId: string;
  present: boolean;
}

/** A measured value (vital sign or lab) by LOINC, in its UCUM unit; blood pressure as 8480-6/8462-4. */
export interface MeasurementRecord {
  encounter: string | undefined;
  loinc: string;
  value: number;
  unit: string;
}

export interface ConditionRecord {
  encounter: string | undefined;
  conditionId: string;
  /** `encounter-diagnosis`, `problem-list-item`, … as coded. */
  category: string | undefined;
  /** Onset, else the recorded date. */
  at: RecordTime | undefined;
  /** The record gives an end (abatement): a past condition. */
  ended: boolean;
}

export interface MedicationRecord {
  encounter: string | undefined;
  /** Ingredient RxCUI (the KB's drug); a combination product yields one record per ingredient. */
  rxcui: string;
  /** `active`, `completed`, `stopped`… */
  status: string;
  authored: RecordTime | undefined;
}

export interface AllergyRecord {
  /** `rxcui:<ingredient>` for a KB drug, else `name:<normalised substance name>`. */
  key: string;
  recorded: RecordTime | undefined;
}

export interface PatientRecord {
  findings: FindingRecord[];
  measurements: MeasurementRecord[];
  conditions: ConditionRecord[];
  medications: MedicationRecord[];
  allergies: AllergyRecord[];
}

/** Coded facts the knowledge base cannot express (the extractor can never produce them). */
export interface OutsideKb {
  findings: number;
  conditions: number;
  medications: number;
}

export interface NoteCorpus {
  notes: NoteRecord[];
  /** By patient id (the same id as `NoteRecord.patient`). */
  patients: ReadonlyMap<string, PatientRecord>;
  outsideKb: OutsideKb;
}

export function emptyPatientRecord(): PatientRecord {
  return { findings: [], measurements: [], conditions: [], medications: [], allergies: [] };
}

/** `a` is at or before `b`: by instant when both have one, else by calendar day. */
export function notAfter(a: RecordTime, b: RecordTime): boolean {
  return a.ms !== undefined && b.ms !== undefined ? a.ms <= b.ms : a.day <= b.day;
}

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/**
 * Age in years at `at` for a birth date (`YYYY-MM-DD`, midnight UTC, as the generator draws it);
 * undefined when either cannot be read or the note is before the birth.
 */
export function ageAt(options: { birthDate: string; at: RecordTime }): number | undefined {
  const birthMs = /^\d{4}-\d{2}-\d{2}$/.test(options.birthDate)
    ? Date.parse(`${options.birthDate}T00:00:00Z`)
    : Number.NaN;
  const atMs = options.at.ms ?? Date.parse(`${options.at.day}T00:00:00Z`);
  if (Number.isNaN(birthMs) || Number.isNaN(atMs) || atMs < birthMs) {
    return undefined;
  }
  return (atMs - birthMs) / YEAR_MS;
}

/** Substance names compared across sources: lower case, without a SNOMED semantic tag. */
export function normalizeSubstance(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\((?:substance|organism|product|finding|disorder)\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
