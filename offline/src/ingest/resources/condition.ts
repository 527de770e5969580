/** Condition → `conditions`: ICD-10-CM / SNOMED → KB condition id; problem list vs visit diagnosis. */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const conditionSpec: ResourceSpec = {
  resourceType: 'Condition',
  table: 'conditions',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    clinicalStatus: FHIR.codeableConcept,
    verificationStatus: FHIR.codeableConcept,
    category: `${FHIR.codeableConcept}[]`,
    code: FHIR.codeableConcept,
    subject: FHIR.reference,
    encounter: FHIR.reference,
    onsetDateTime: 'VARCHAR',
    onsetPeriod: FHIR.period,
    abatementDateTime: 'VARCHAR',
    abatementPeriod: FHIR.period,
    recordedDate: 'VARCHAR',
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: `ref_id("encounter".reference, 'Encounter')`,
  required: [
    { element: 'code', present: 'len(coalesce("code".coding, [])) > 0' },
    {
      element: 'onset[x]|recordedDate',
      present: 'coalesce("onsetDateTime", "onsetPeriod"."start", "recordedDate") IS NOT NULL',
    },
  ],
  dates: {
    onset_date: { element: 'onset[x]', raw: 'coalesce("onsetDateTime", "onsetPeriod"."start")' },
    abatement_date: {
      element: 'abatement[x]',
      raw: 'coalesce("abatementDateTime", "abatementPeriod"."start")',
    },
    recorded_date: { element: 'recordedDate', raw: '"recordedDate"' },
  },
  stage: {
    category: `category_of(codings_of("category"))`,
    clinical_status: 'code_token("clinicalStatus".coding[1].code)',
    verification_status: 'code_token("verificationStatus".coding[1].code)',
  },
  concepts: [
    { name: 'code', kind: 'condition', codings: '"code".coding', element: 'code', counted: true },
  ],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    category: 's.category',
    clinical_status: 's.clinical_status',
    verification_status: 's.verification_status',
    code_system: 'm_code.system',
    code: 'm_code.code',
    icd10: 'm_code.icd10',
    snomed: 'm_code.snomed',
    condition_id: 'm_code.condition_id',
    onset_date: 's.onset_date',
    abatement_date: 's.abatement_date',
    recorded_date: 's.recorded_date',
  },
};
