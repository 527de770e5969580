/**
 * Prefetched FHIR → what the care rules and the interaction checker need, as knowledge-base ids and
 * codes: age and sex, active conditions, history findings (e.g. current smoker), when each test was
 * last done, and the active medications. Identifying elements (names, exact birth date, addresses)
 * are read only to compute an age and are never kept.
 */
import type { DrugRef } from '@mediassist/shared/interactions';
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import { codingsOf, dateOf, resourcesOf, type FhirCodeableConcept } from './fhir-resources.js';
import { drugRefOf, medicationsById } from './medication-ref.js';

export type RecordKb = Pick<
  KnowledgeBase,
  'conditions' | 'condition' | 'conditionByIcd10' | 'findingByCode' | 'testByCode' | 'drugByRxcui'
>;

export interface Demographics {
  age: number | null;
  sex: 'female' | 'male' | null;
}

export interface ConditionList {
  /** KB condition ids of active, not refuted conditions. */
  conditions: string[];
  /** KB history findings recorded as conditions (e.g. a smoking-status problem). */
  historyFindings: string[];
}

export interface TestHistory {
  /** KB test id → the most recent day it was done (`YYYY-MM-DD`). */
  lastDone: Record<string, string>;
  /** KB history findings from social-history Observations. */
  historyFindings: string[];
}

export interface MedicationList {
  refs: DrugRef[];
  /** Active MedicationRequests that name no drug at all (no code, no text). */
  unnamed: number;
}

export interface PatientRecordReader {
  demographics(patient: unknown, now: Date): Demographics;
  conditions(value: unknown): ConditionList;
  tests(values: {
    observations?: unknown;
    procedures?: unknown;
    immunizations?: unknown;
  }): TestHistory;
  activeMedications(value: unknown): MedicationList;
}

const INACTIVE_OBSERVATION = new Set(['entered-in-error', 'cancelled']);
const NOT_DONE = new Set(['entered-in-error', 'not-done', 'stopped']);
const ACTIVE_CLINICAL = new Set(['active', 'recurrence', 'relapse']);
const NOT_VERIFIED = new Set(['entered-in-error', 'refuted']);

function ageAt(birthDate: string, now: Date): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  const beforeBirthday =
    now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  const age = now.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
  return age >= 0 && age <= 130 ? age : null;
}

function dayOf(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

export function createPatientRecordReader(options: { kb: RecordKb }): PatientRecordReader {
  const { kb } = options;
  const conditionBySnomed = new Map(
    kb.conditions.flatMap((c) => (c.snomed === undefined ? [] : [[c.snomed, c.id] as const])),
  );
  const conditionOf = (concept: FhirCodeableConcept | undefined): string | undefined => {
    for (const { system, code } of codingsOf(concept)) {
      const id =
        system === CODE_SYSTEMS.icd10cm
          ? kb.conditionByIcd10(code)?.id
          : system === CODE_SYSTEMS.snomed
            ? conditionBySnomed.get(code)
            : undefined;
      if (id !== undefined) {
        return id;
      }
    }
    return undefined;
  };
  const historyFindingOf = (concept: FhirCodeableConcept | undefined): string | undefined =>
    codingsOf(concept)
      .map(({ system, code }) => kb.findingByCode(system, code))
      .find((f) => f?.kind === 'history')?.id;
  // Status codes are read whatever system the EHR names (some omit it).
  const statusCodes = (concept: FhirCodeableConcept | undefined): string[] =>
    (concept?.coding ?? []).flatMap((c) => (c.code === undefined ? [] : [c.code]));

  return {
    demographics(patient, now) {
      const resource = resourcesOf(patient, 'Patient').items[0];
      const gender = resource?.gender;
      return {
        age: resource?.birthDate === undefined ? null : ageAt(resource.birthDate, now),
        sex: gender === 'female' || gender === 'male' ? gender : null,
      };
    },

    conditions(value) {
      const conditions = new Set<string>();
      const historyFindings = new Set<string>();
      for (const condition of resourcesOf(value, 'Condition').items) {
        const clinical = statusCodes(condition.clinicalStatus);
        const verification = statusCodes(condition.verificationStatus);
        if (
          (clinical.length > 0 && !clinical.some((c) => ACTIVE_CLINICAL.has(c))) ||
          verification.some((c) => NOT_VERIFIED.has(c))
        ) {
          continue;
        }
        const id = conditionOf(condition.code);
        if (id !== undefined) {
          conditions.add(id);
        }
        const finding = historyFindingOf(condition.code);
        if (finding !== undefined) {
          historyFindings.add(finding);
        }
      }
      return { conditions: [...conditions].sort(), historyFindings: [...historyFindings].sort() };
    },

    tests({ observations, procedures, immunizations }) {
      const lastDone: Record<string, string> = {};
      const historyFindings = new Set<string>();
      const done = (concept: FhirCodeableConcept | undefined, when: string | undefined): void => {
        const day = when === undefined ? undefined : dayOf(when);
        if (day === undefined) {
          return;
        }
        for (const { system, code } of codingsOf(concept)) {
          const test = kb.testByCode(system, code);
          const previous = test ? lastDone[test.id] : undefined;
          if (test && (previous === undefined || previous < day)) {
            lastDone[test.id] = day;
          }
        }
      };
      for (const o of resourcesOf(observations, 'Observation').items) {
        if (o.status !== undefined && INACTIVE_OBSERVATION.has(o.status)) {
          continue;
        }
        done(o.code, dateOf(o));
        const finding =
          historyFindingOf(o.valueCodeableConcept) ??
          (o.valueBoolean === true ? historyFindingOf(o.code) : undefined);
        if (finding !== undefined) {
          historyFindings.add(finding);
        }
      }
      for (const p of resourcesOf(procedures, 'Procedure').items) {
        if (p.status === undefined || !NOT_DONE.has(p.status)) {
          done(p.code, dateOf(p));
        }
      }
      for (const i of resourcesOf(immunizations, 'Immunization').items) {
        if (i.status === undefined || !NOT_DONE.has(i.status)) {
          done(i.vaccineCode, dateOf(i));
        }
      }
      return { lastDone, historyFindings: [...historyFindings].sort() };
    },

    activeMedications(value) {
      const medications = medicationsById(value);
      const refs = new Set<DrugRef>();
      let unnamed = 0;
      for (const request of resourcesOf(value, 'MedicationRequest').items) {
        if (request.status !== undefined && request.status !== 'active') {
          continue;
        }
        const ref = drugRefOf(request, { kb, medications });
        if (ref === undefined) {
          unnamed += 1;
        } else {
          refs.add(ref);
        }
      }
      return { refs: [...refs], unnamed };
    },
  };
}
