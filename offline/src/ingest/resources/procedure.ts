/** Procedure → `procedures`: SNOMED / CPT / LOINC → KB test id (screenings satisfy care gaps). */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const procedureSpec: ResourceSpec = {
  resourceType: 'Procedure',
  table: 'procedures',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    code: FHIR.codeableConcept,
    subject: FHIR.reference,
    encounter: FHIR.reference,
    performedDateTime: 'VARCHAR',
    performedPeriod: FHIR.period,
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: `ref_id("encounter".reference, 'Encounter')`,
  required: [
    { element: 'code', present: 'len(coalesce("code".coding, [])) > 0' },
    {
      element: 'performed[x]',
      present: 'coalesce("performedDateTime", "performedPeriod"."start") IS NOT NULL',
    },
  ],
  dates: {
    performed_date: {
      element: 'performed[x]',
      raw: 'coalesce("performedDateTime", "performedPeriod"."start")',
    },
  },
  stage: {
    status: 'code_token("status")',
  },
  concepts: [
    { name: 'code', kind: 'test', codings: '"code".coding', element: 'code', counted: true },
  ],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    performed_date: 's.performed_date',
    status: 's.status',
    code_system: 'm_code.system',
    code: 'm_code.code',
    test_id: 'm_code.test_id',
  },
};
