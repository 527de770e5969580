/** Immunization → `immunizations`: CVX → KB test id (vaccines satisfy preventive services). */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const immunizationSpec: ResourceSpec = {
  resourceType: 'Immunization',
  table: 'immunizations',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    vaccineCode: FHIR.codeableConcept,
    patient: FHIR.reference,
    encounter: FHIR.reference,
    occurrenceDateTime: 'VARCHAR',
  },
  patientRef: `ref_id("patient".reference, 'Patient')`,
  patientElement: 'patient',
  encounterRef: `ref_id("encounter".reference, 'Encounter')`,
  required: [
    { element: 'vaccineCode', present: 'len(coalesce("vaccineCode".coding, [])) > 0' },
    { element: 'occurrenceDateTime', present: '"occurrenceDateTime" IS NOT NULL' },
  ],
  dates: { occurrence_date: { element: 'occurrenceDateTime', raw: '"occurrenceDateTime"' } },
  stage: {
    status: 'code_token("status")',
  },
  concepts: [
    {
      name: 'vaccine',
      kind: 'test',
      codings: '"vaccineCode".coding',
      element: 'vaccineCode',
      counted: true,
    },
  ],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    occurrence_date: 's.occurrence_date',
    status: 's.status',
    code_system: 'm_vaccine.system',
    code: 'm_vaccine.code',
    test_id: 'm_vaccine.test_id',
  },
};
