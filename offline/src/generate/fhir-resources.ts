/**
 * FHIR R4 resources in the shape of docs/specs/fhir-profile.md (US Core where it has a profile).
 * Plain object builders typed with @medplum/fhirtypes; serialised by the caller.
 */
import type {
  AllergyIntolerance,
  Condition as FhirCondition,
  DocumentReference,
  Encounter,
  Immunization,
  MedicationRequest,
  Patient,
  Procedure,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type Coding, type Condition } from '@mediassist/shared/kb';
import type { EncounterClass, Prescription } from './encounter-facts.js';
import { concept, isoDate, isoDateTime, ref } from './fhir-datatypes.js';
import type { Identity } from './identity.js';
import type { DrugAllergy } from './patient-profile.js';

export function patientResource(options: {
  id: string;
  identity: Identity;
  gender: 'female' | 'male';
  birthMs: number;
}): Patient {
  const { id, identity: who, gender, birthMs } = options;
  return {
    resourceType: 'Patient',
    id,
    meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
    identifier: [
      {
        use: 'usual',
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
          text: 'Medical Record Number',
        },
        system: 'urn:mediassist:synthetic:mrn',
        value: who.mrn,
      },
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }],
          text: 'Social Security Number',
        },
        system: 'http://hl7.org/fhir/sid/us-ssn',
        value: who.ssn,
      },
    ],
    name: [
      {
        use: 'official',
        family: who.family,
        given: [...who.given],
        ...(who.prefix === undefined ? {} : { prefix: [who.prefix] }),
      },
    ],
    telecom: [
      { system: 'phone', value: who.phone, use: 'home' },
      { system: 'email', value: who.email },
    ],
    gender,
    birthDate: isoDate(birthMs),
    address: [
      {
        use: 'home',
        line: [who.address.line],
        city: who.address.city,
        state: who.address.state,
        postalCode: who.address.postalCode,
        country: 'US',
      },
    ],
    maritalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
          code: who.maritalStatus,
        },
      ],
    },
  };
}

const ENCOUNTER_TYPES = {
  symptom: { system: CODE_SYSTEMS.snomed, code: '185345009', display: 'Encounter for symptom' },
  'follow-up': { system: CODE_SYSTEMS.snomed, code: '390906007', display: 'Follow-up encounter' },
  wellness: {
    system: CODE_SYSTEMS.snomed,
    code: '162673000',
    display: 'General examination of patient',
  },
} as const;
const CLASS_DISPLAY: Record<EncounterClass, string> = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  VR: 'virtual',
};

export function encounterResource(options: {
  id: string;
  patientId: string;
  type: keyof typeof ENCOUNTER_TYPES;
  encounterClass: EncounterClass;
  startMs: number;
  endMs: number;
  reason: Coding | undefined;
}): Encounter {
  const { id, patientId, type, encounterClass, startMs, endMs, reason } = options;
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: encounterClass,
      display: CLASS_DISPLAY[encounterClass],
    },
    type: [{ coding: [{ ...ENCOUNTER_TYPES[type] }] }],
    subject: ref('Patient', patientId),
    period: { start: isoDateTime(startMs), end: isoDateTime(endMs) },
    ...(reason ? { reasonCode: [concept(reason, reason.display)] } : {}),
  };
}

export function conditionResource(options: {
  id: string;
  patientId: string;
  encounterId: string | undefined;
  condition: Condition;
  category: 'encounter-diagnosis' | 'problem-list-item';
  clinicalStatus: 'active' | 'resolved';
  recordedMs: number;
  onsetMs: number | undefined;
}): FhirCondition {
  const {
    id,
    patientId,
    encounterId,
    condition: c,
    category,
    clinicalStatus,
    recordedMs,
    onsetMs,
  } = options;
  const coding = [
    { system: CODE_SYSTEMS.icd10cm, code: c.icd10[0] ?? '', display: c.display },
    ...(c.snomed === undefined
      ? []
      : [{ system: CODE_SYSTEMS.snomed, code: c.snomed, display: c.display }]),
  ];
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
          code: clinicalStatus,
        },
      ],
    },
    verificationStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
      ],
    },
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: category },
        ],
      },
    ],
    code: { coding, text: c.display },
    subject: ref('Patient', patientId),
    ...(encounterId === undefined ? {} : { encounter: ref('Encounter', encounterId) }),
    ...(onsetMs === undefined ? {} : { onsetDateTime: isoDateTime(onsetMs) }),
    recordedDate: isoDateTime(recordedMs),
  };
}

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
      text: p.drug.name,
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
      text: allergy.drug.name,
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

export function noteResource(options: {
  id: string;
  patientId: string;
  encounterId: string;
  startMs: number;
  endMs: number;
  text: string;
}): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: options.id,
    status: 'current',
    type: { coding: [{ system: CODE_SYSTEMS.loinc, code: '11506-3', display: 'Progress note' }] },
    category: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
            code: 'clinical-note',
          },
        ],
      },
    ],
    subject: ref('Patient', options.patientId),
    date: isoDateTime(options.endMs),
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: Buffer.from(options.text, 'utf8').toString('base64'),
        },
      },
    ],
    context: {
      encounter: [ref('Encounter', options.encounterId)],
      period: { start: isoDateTime(options.startMs), end: isoDateTime(options.endMs) },
    },
  };
}
