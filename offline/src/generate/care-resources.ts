/**
 * What was prescribed and done, and what the patient must not have: MedicationRequest (RxNorm),
 * Immunization (CVX), Procedure (SNOMED CT or CPT) and AllergyIntolerance. Displays once per coding.
 */
import type {
  AllergyIntolerance,
  Immunization,
  MedicationRequest,
  Procedure,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type Coding } from '@mediassist/shared/kb';
import type { Prescription } from './encounter-facts.js';
import { concept, isoDateTime, ref } from './fhir-datatypes.js';
import type { DrugAllergy } from './patient-profile.js';

export function medicationRequestResource(options: {
  patientId: string;
  prescription: Prescription;
  reasonConditionId: string | undefined;
}): MedicationRequest {
  const { patientId, prescription: p, reasonConditionId } = options;
  return {
    resourceType: 'MedicationRequest',
    id: p.id,
    status: p.status,
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: CODE_SYSTEMS.rxnorm, code: p.drug.rxcui, display: p.drug.name }],
    },
    subject: ref('Patient', patientId),
    ...(p.encounterId === undefined ? {} : { encounter: ref('Encounter', p.encounterId) }),
    authoredOn: isoDateTime(p.authoredMs),
    ...(reasonConditionId === undefined
      ? {}
      : { reasonReference: [ref('Condition', reasonConditionId)] }),
    dosageInstruction: [{ text: p.doseText }],
  };
}

export function allergyResource(options: {
  id: string;
  patientId: string;
  allergy: DrugAllergy;
  recordedMs: number;
}): AllergyIntolerance {
  const { id, patientId, allergy, recordedMs } = options;
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'confirmed',
        },
      ],
    },
    type: 'allergy',
    category: ['medication'],
    code: {
      coding: [
        { system: CODE_SYSTEMS.rxnorm, code: allergy.drug.rxcui, display: allergy.drug.name },
      ],
    },
    patient: ref('Patient', patientId),
    recordedDate: isoDateTime(recordedMs),
    reaction: [
      {
        manifestation: [
          concept(
            {
              system: CODE_SYSTEMS.snomed,
              code: allergy.reaction.code,
              display: allergy.reaction.display,
            },
            allergy.reaction.text,
          ),
        ],
      },
    ],
  };
}

export function immunizationResource(options: {
  id: string;
  patientId: string;
  encounterId: string;
  coding: Coding;
  display: string;
  ms: number;
}): Immunization {
  return {
    resourceType: 'Immunization',
    id: options.id,
    status: 'completed',
    vaccineCode: concept(options.coding, options.display),
    patient: ref('Patient', options.patientId),
    encounter: ref('Encounter', options.encounterId),
    occurrenceDateTime: isoDateTime(options.ms),
    primarySource: true,
  };
}

export function procedureResource(options: {
  id: string;
  patientId: string;
  encounterId: string;
  coding: Coding;
  display: string;
  ms: number;
}): Procedure {
  return {
    resourceType: 'Procedure',
    id: options.id,
    status: 'completed',
    code: concept(options.coding, options.display),
    subject: ref('Patient', options.patientId),
    encounter: ref('Encounter', options.encounterId),
    performedDateTime: isoDateTime(options.ms),
  };
}
