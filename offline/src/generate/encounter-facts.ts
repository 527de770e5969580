/** The facts of one encounter: what the FHIR resources record and what the visit note says — the same. */
import type { Coding, Drug } from '@mediassist/shared/kb';
import type { SmokingStatus } from './patient-attributes.js';
import type { Measured } from './presentation.js';
import type { PlannedVisit } from './visit-plan.js';

export type EncounterClass = 'AMB' | 'EMER' | 'VR';

export interface Prescription {
  id: string;
  drug: Drug;
  /** Concrete dose instruction, e.g. `500 mg orally three times daily`. */
  doseText: string;
  status: 'active' | 'completed' | 'stopped';
  authoredMs: number;
  encounterId: string | undefined;
  /** The condition (index) it treats. */
  condition: number;
}

/** A preventive service done at a wellness visit, as the resource it is recorded with. */
export type PreventiveRecord =
  | { resource: 'Immunization'; serviceId: string; testId: string; display: string; coding: Coding }
  | { resource: 'Procedure'; serviceId: string; testId: string; display: string; coding: Coding }
  | {
      resource: 'Observation';
      serviceId: string;
      testId: string;
      display: string;
      coding: Coding;
      category: 'laboratory' | 'survey';
      value:
        | { kind: 'quantity'; value: number; unit: string }
        | { kind: 'qualitative'; positive: boolean };
    };

export interface EncounterFacts {
  id: string;
  kind: PlannedVisit['kind'];
  encounterClass: EncounterClass;
  startMs: number;
  endMs: number;
  age: number;
  chiefComplaint: number | undefined;
  /** Documented findings (finding indexes): present, and explicitly absent. */
  present: readonly number[];
  absent: readonly number[];
  /** Vital signs and lab values (LOINC), including systolic BP (8480-6) and diastolic BP (8462-4). */
  measured: readonly Measured[];
  weightKg: number | undefined;
  heightCm: number | undefined;
  /** Encounter diagnoses (condition indexes). */
  diagnoses: readonly number[];
  /** Prescriptions written at this encounter. */
  prescriptions: readonly Prescription[];
  preventive: readonly PreventiveRecord[];
  /** Context for the note: chronic problems and ongoing medications on the day. */
  problems: readonly number[];
  ongoingMedications: readonly Prescription[];
  /** Recorded as a social-history Observation at this encounter. */
  smoking: SmokingStatus | undefined;
  /** Other history findings taken at this encounter (social-history Observations, valueBoolean). */
  socialHistory: readonly { finding: number; present: boolean }[];
}
