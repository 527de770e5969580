/**
 * The visit and what was diagnosed: Encounter (class, type, period, reason) and Condition (encounter
 * diagnosis or problem-list item, ICD-10-CM first, SNOMED CT where the KB has it). Each coding carries
 * its display once; no `text` that repeats it.
 */
import type { Condition as FhirCondition, Encounter } from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type Coding, type Condition } from '@mediassist/shared/kb';
import type { EncounterClass } from './encounter-facts.js';
import { concept, isoDateTime, ref } from './fhir-datatypes.js';

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
    ...(reason ? { reasonCode: [concept(reason)] } : {}),
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
    ...(c.snomed === undefined ? [] : [{ system: CODE_SYSTEMS.snomed, code: c.snomed }]),
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
    code: { coding },
    subject: ref('Patient', patientId),
    ...(encounterId === undefined ? {} : { encounter: ref('Encounter', encounterId) }),
    ...(onsetMs === undefined ? {} : { onsetDateTime: isoDateTime(onsetMs) }),
    recordedDate: isoDateTime(recordedMs),
  };
}
