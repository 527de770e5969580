/** Encounter → `encounters`: dates at day precision, class, type, reason (→ KB finding), age at visit. */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const encounterSpec: ResourceSpec = {
  resourceType: 'Encounter',
  table: 'encounters',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    class: FHIR.coding,
    type: `${FHIR.codeableConcept}[]`,
    subject: FHIR.reference,
    period: FHIR.period,
    reasonCode: `${FHIR.codeableConcept}[]`,
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: '"id"',
  required: [{ element: 'period.start', present: '"period"."start" IS NOT NULL' }],
  dates: {
    start_date: { element: 'period.start', raw: '"period"."start"' },
    end_date: { element: 'period.end', raw: '"period"."end"' },
  },
  stage: {
    status: 'code_token("status")',
    class_code: 'code_token("class".code)',
  },
  concepts: [
    { name: 'type', kind: 'plain', codings: 'codings_of("type")', counted: false },
    { name: 'reason', kind: 'finding', codings: 'codings_of("reasonCode")', counted: true },
  ],
  output: {
    encounter_id: 'e.encounter_id',
    patient_id: 'p.patient_id',
    start_date: 's.start_date',
    end_date: 's.end_date',
    status: 's.status',
    class_code: 's.class_code',
    type_system: 'm_type.system',
    type_code: 'm_type.code',
    reason_system: 'm_reason.system',
    reason_code: 'm_reason.code',
    reason_finding_id: 'm_reason.finding_id',
    reason_condition_id: 'm_reason.condition_id',
    age_at_visit: `CASE WHEN age_years(pt.birth_date, as_of_date()) >= 90 THEN NULL ELSE age_years(pt.birth_date, s.start_date) END::SMALLINT`,
  },
};
