/** Observation builders: findings (valueBoolean), vital signs and labs, blood pressure, smoking status. */
import type { CodeableConcept, Observation } from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type Coding } from '@mediassist/shared/kb';
import {
  concept,
  isoDateTime,
  OBSERVATION_CATEGORY,
  ref,
  toCoding,
  UCUM,
} from './fhir-datatypes.js';
import type { SmokingStatus } from './patient-attributes.js';

export interface ObservationBase {
  id: string;
  patientId: string;
  encounterId: string | undefined;
  ms: number;
}

function observation(base: ObservationBase, category: string, code: CodeableConcept): Observation {
  return {
    resourceType: 'Observation',
    id: base.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: category }] }],
    code,
    subject: ref('Patient', base.patientId),
    ...(base.encounterId === undefined ? {} : { encounter: ref('Encounter', base.encounterId) }),
    effectiveDateTime: isoDateTime(base.ms),
  };
}

export function findingObservation(
  base: ObservationBase & {
    coding: Coding;
    display: string;
    present: boolean;
    /** `exam` for presenting findings; `social-history` for history taken (smoking, menopause…). */
    category?: 'exam' | 'social-history';
  },
): Observation {
  const code = concept({ ...base.coding, display: base.display });
  return {
    ...observation(base, base.category ?? 'exam', code),
    valueBoolean: base.present,
  };
}

export function quantityObservation(
  base: ObservationBase & {
    category: 'vital-signs' | 'laboratory' | 'survey';
    codings: readonly Coding[];
    display: string;
    value: number;
    unit: string;
  },
): Observation {
  return {
    ...observation(base, base.category, { coding: base.codings.map(toCoding) }),
    valueQuantity: { value: base.value, unit: base.unit, system: UCUM, code: base.unit },
  };
}

export function qualitativeObservation(
  base: ObservationBase & { coding: Coding; display: string; positive: boolean },
): Observation {
  return {
    ...observation(base, 'laboratory', concept(base.coding, base.display)),
    valueCodeableConcept: base.positive
      ? { coding: [{ system: CODE_SYSTEMS.snomed, code: '10828004', display: 'Positive' }] }
      : { coding: [{ system: CODE_SYSTEMS.snomed, code: '260385009', display: 'Negative' }] },
  };
}

export function bloodPressureObservation(
  base: ObservationBase & { systolic: number; diastolic: number },
): Observation {
  const q = (value: number) => ({ value, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' });
  return {
    ...observation(base, 'vital-signs', {
      coding: [{ system: CODE_SYSTEMS.loinc, code: '85354-9', display: 'Blood pressure panel' }],
    }),
    component: [
      {
        code: {
          coding: [
            { system: CODE_SYSTEMS.loinc, code: '8480-6', display: 'Systolic blood pressure' },
          ],
        },
        valueQuantity: q(base.systolic),
      },
      {
        code: {
          coding: [
            { system: CODE_SYSTEMS.loinc, code: '8462-4', display: 'Diastolic blood pressure' },
          ],
        },
        valueQuantity: q(base.diastolic),
      },
    ],
  };
}

const SMOKING_CODES: Record<SmokingStatus, Coding> = {
  current: { system: CODE_SYSTEMS.snomed, code: '77176002', display: 'Smoker' },
  former: { system: CODE_SYSTEMS.snomed, code: '8517006', display: 'Ex-smoker' },
  never: { system: CODE_SYSTEMS.snomed, code: '266919005', display: 'Never smoked tobacco' },
};

export function smokingObservation(base: ObservationBase & { status: SmokingStatus }): Observation {
  const coding = SMOKING_CODES[base.status];
  return {
    ...observation(base, 'social-history', {
      coding: [{ system: CODE_SYSTEMS.loinc, code: '72166-2', display: 'Tobacco smoking status' }],
    }),
    valueCodeableConcept: concept(coding),
  };
}
