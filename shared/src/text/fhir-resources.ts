/**
 * Draft FHIR R4 resources for one extracted summary, following docs/specs/fhir-profile.md: finding and
 * vital-sign Observations, Conditions, MedicationStatements, AllergyIntolerances, ServiceRequests and
 * Procedures. Everything is a draft for a clinician to confirm (`preliminary`, `provisional`, `draft`).
 */
import type {
  AllergyIntolerance,
  CodeableConcept,
  Condition as FhirCondition,
  Coding,
  Dosage,
  Encounter,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
  Reference,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS, type Condition as KbCondition } from '../kb/index.js';
import type {
  Allergy,
  ConditionMention,
  FindingMention,
  Medication,
  PlanItem,
  Route,
  VitalSign,
} from './summary-schema.js';

export interface ResourceContext {
  subject: Reference<Patient>;
  encounter?: Reference<Encounter>;
  now: string;
}

/** A KB coding as a FHIR Coding (no `undefined` members). */
export function fhirCoding(coding: {
  system: string;
  code: string;
  display?: string | undefined;
}): Coding {
  return {
    system: coding.system,
    code: coding.code,
    ...(coding.display === undefined ? {} : { display: coding.display }),
  };
}

const UCUM = 'http://unitsofmeasure.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION =
  'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const GTS = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';

/** SNOMED CT route codes (FHIR value set "SNOMED CT Route Codes"). */
const ROUTE_SNOMED: Readonly<Record<Route, [string, string]>> = {
  oral: ['26643006', 'Oral route'],
  intravenous: ['47625008', 'Intravenous route'],
  intramuscular: ['78421000', 'Intramuscular route'],
  subcutaneous: ['34206005', 'Subcutaneous route'],
  sublingual: ['37839007', 'Sublingual route'],
  inhalation: ['447694001', 'Respiratory tract route'],
  topical: ['6064005', 'Topical route'],
  rectal: ['37161004', 'Per rectum'],
  transdermal: ['45890007', 'Transdermal route'],
  nasal: ['46713006', 'Nasal route'],
  ophthalmic: ['54485002', 'Ophthalmic route'],
  otic: ['10547007', 'Otic route'],
  vaginal: ['16857009', 'Per vagina'],
};

const concept = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display === undefined ? {} : { display }) }],
  ...(display === undefined ? {} : { text: display }),
});

const encounterOf = (ctx: ResourceContext): { encounter?: Reference<Encounter> } =>
  ctx.encounter ? { encounter: ctx.encounter } : {};

export function findingObservation(
  finding: FindingMention,
  present: boolean,
  ctx: ResourceContext,
): Observation {
  return {
    resourceType: 'Observation',
    status: 'preliminary',
    category: [concept(OBSERVATION_CATEGORY, 'exam', 'Exam')],
    code: { coding: [fhirCoding(finding.code)], text: finding.display },
    subject: ctx.subject,
    ...encounterOf(ctx),
    effectiveDateTime: ctx.now,
    valueBoolean: present,
  };
}

export function vitalObservation(vital: VitalSign, ctx: ResourceContext): Observation {
  const base: Observation = {
    resourceType: 'Observation',
    status: 'preliminary',
    category: [concept(OBSERVATION_CATEGORY, 'vital-signs', 'Vital Signs')],
    code: concept(CODE_SYSTEMS.loinc, vital.loinc),
    subject: ctx.subject,
    ...encounterOf(ctx),
    effectiveDateTime: ctx.now,
  };
  if (vital.kind === 'blood-pressure') {
    const component = (
      code: string,
      value: number,
    ): NonNullable<Observation['component']>[number] => ({
      code: concept(CODE_SYSTEMS.loinc, code),
      valueQuantity: { value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
    });
    return {
      ...base,
      component: [component('8480-6', vital.systolic), component('8462-4', vital.diastolic)],
    };
  }
  return {
    ...base,
    valueQuantity: { value: vital.value, unit: vital.unit, system: UCUM, code: vital.unit },
  };
}

const VERIFICATION = {
  present: 'provisional',
  possible: 'differential',
  absent: 'refuted',
} as const;

export function conditionResource(options: {
  mention: ConditionMention;
  condition: KbCondition | undefined;
  category: 'encounter-diagnosis' | 'problem-list-item';
  ctx: ResourceContext;
}): FhirCondition | undefined {
  const { mention, condition, category, ctx } = options;
  const assertion = mention.assertion === 'historical' ? 'present' : mention.assertion;
  if (
    mention.experiencer !== 'patient' ||
    !(assertion === 'present' || assertion === 'possible' || assertion === 'absent')
  ) {
    return undefined;
  }
  const resolved = mention.assertion === 'historical' && condition?.course === 'acute';
  return {
    resourceType: 'Condition',
    ...(assertion === 'absent'
      ? {}
      : { clinicalStatus: concept(CONDITION_CLINICAL, resolved ? 'resolved' : 'active') }),
    verificationStatus: concept(CONDITION_VERIFICATION, VERIFICATION[assertion]),
    category: [concept(CONDITION_CATEGORY, category)],
    code: {
      coding: [
        { system: CODE_SYSTEMS.icd10cm, code: mention.icd10, display: mention.display },
        ...(mention.snomed === undefined
          ? []
          : [{ system: CODE_SYSTEMS.snomed, code: mention.snomed }]),
      ],
      text: mention.display,
    },
    subject: ctx.subject,
    ...encounterOf(ctx),
    recordedDate: ctx.now,
  };
}

const MEDICATION_STATUS = {
  current: 'active',
  started: 'intended',
  stopped: 'stopped',
  'not-taking': 'not-taken',
} as const;

function dosageOf(med: Medication): Dosage | undefined {
  const dosage: Dosage = {
    ...(med.sig ? { text: med.sig.text } : {}),
    ...(med.route ? { route: concept(CODE_SYSTEMS.snomed, ...ROUTE_SNOMED[med.route]) } : {}),
    ...(med.dose && !med.dose.unit.includes('/')
      ? {
          doseAndRate: [
            {
              doseQuantity: {
                value: med.dose.value,
                unit: med.dose.unit,
                system: UCUM,
                code: med.dose.unit,
              },
            },
          ],
        }
      : {}),
    ...(med.frequency?.asNeeded ? { asNeededBoolean: true } : {}),
  };
  const f = med.frequency;
  if (f && (f.code !== undefined || f.everyHours !== undefined || f.timesPerDay !== undefined)) {
    dosage.timing = {
      ...(f.code === undefined ? {} : { code: concept(GTS, f.code) }),
      repeat:
        f.everyHours === undefined
          ? f.timesPerDay !== undefined && Number.isInteger(f.timesPerDay)
            ? { frequency: f.timesPerDay, period: 1, periodUnit: 'd' }
            : {}
          : { frequency: 1, period: f.everyHours, periodUnit: 'h' },
    };
  }
  return Object.keys(dosage).length > 0 ? dosage : undefined;
}

export function medicationStatement(med: Medication, ctx: ResourceContext): MedicationStatement {
  const dosage = dosageOf(med);
  return {
    resourceType: 'MedicationStatement',
    status: MEDICATION_STATUS[med.status],
    medicationCodeableConcept: concept(CODE_SYSTEMS.rxnorm, med.rxcui, med.name),
    subject: ctx.subject,
    ...(ctx.encounter ? { context: ctx.encounter } : {}),
    dateAsserted: ctx.now,
    ...(dosage ? { dosage: [dosage] } : {}),
  };
}

export function allergyResource(allergy: Allergy, ctx: ResourceContext): AllergyIntolerance {
  const base: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: concept(ALLERGY_CLINICAL, 'active', 'Active'),
    verificationStatus: concept(ALLERGY_VERIFICATION, 'unconfirmed', 'Unconfirmed'),
    patient: ctx.subject,
    ...encounterOf(ctx),
    recordedDate: ctx.now,
  };
  if (allergy.kind === 'no-known-allergies') {
    return { ...base, code: concept(CODE_SYSTEMS.snomed, '716186003', 'No known allergy') };
  }
  const s = allergy.substance;
  return {
    ...base,
    code:
      s.rxcui === undefined
        ? { text: s.name ?? s.text }
        : concept(CODE_SYSTEMS.rxnorm, s.rxcui, s.name ?? s.text),
    ...(s.rxcui === undefined && s.drugClassId === undefined ? {} : { category: ['medication'] }),
    ...(allergy.reaction
      ? { reaction: [{ manifestation: [{ text: allergy.reaction.text }] }] }
      : {}),
  };
}

export function serviceRequest(
  item: Extract<PlanItem, { kind: 'test' | 'referral' }>,
  ctx: ResourceContext,
): ServiceRequest {
  const code =
    item.kind === 'test'
      ? { coding: [fhirCoding(item.code)], text: item.display }
      : {
          ...concept(CODE_SYSTEMS.snomed, '3457005', 'Patient referral'),
          text: `Referral: ${item.specialty}`,
        };
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    code,
    subject: ctx.subject,
    ...encounterOf(ctx),
    authoredOn: ctx.now,
    ...(item.kind === 'referral' ? { performerType: { text: item.specialty } } : {}),
  };
}

export function procedureResource(
  item: Extract<PlanItem, { kind: 'test' }>,
  ctx: ResourceContext,
): Procedure {
  return {
    resourceType: 'Procedure',
    status: 'completed',
    code: { coding: [fhirCoding(item.code)], text: item.display },
    subject: ctx.subject,
    ...encounterOf(ctx),
    performedDateTime: ctx.now,
  };
}
