/**
 * Observation → `observations`: findings (valueBoolean present/absent), vitals and labs (LOINC,
 * numeric value, UCUM unit, components such as blood pressure), coded values (smoking status).
 * Free-text values (`valueString`), notes and narrative are never read.
 */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const observationSpec: ResourceSpec = {
  resourceType: 'Observation',
  table: 'observations',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    category: `${FHIR.codeableConcept}[]`,
    code: FHIR.codeableConcept,
    subject: FHIR.reference,
    encounter: FHIR.reference,
    effectiveDateTime: 'VARCHAR',
    effectivePeriod: FHIR.period,
    effectiveInstant: 'VARCHAR',
    issued: 'VARCHAR',
    valueQuantity: FHIR.quantity,
    valueBoolean: 'BOOLEAN',
    valueInteger: 'DOUBLE',
    valueCodeableConcept: FHIR.codeableConcept,
    component: `STRUCT(code ${FHIR.codeableConcept}, valueQuantity ${FHIR.quantity})[]`,
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: `ref_id("encounter".reference, 'Encounter')`,
  required: [
    { element: 'code', present: 'len(coalesce("code".coding, [])) > 0' },
    {
      element: 'effective[x]',
      present:
        'coalesce("effectiveDateTime", "effectivePeriod"."start", "effectiveInstant", "issued") IS NOT NULL',
    },
  ],
  dates: {
    effective_date: {
      element: 'effective[x]',
      raw: 'coalesce("effectiveDateTime", "effectivePeriod"."start", "effectiveInstant", "issued")',
    },
  },
  stage: {
    status: 'code_token("status")',
    category: 'code_token("category"[1].coding[1].code)',
    value_type: `CASE WHEN "valueQuantity".value IS NOT NULL THEN 'quantity' WHEN "valueBoolean" IS NOT NULL THEN 'boolean' WHEN "valueInteger" IS NOT NULL THEN 'integer' WHEN len(coalesce("valueCodeableConcept".coding, [])) > 0 THEN 'codeable' ELSE 'none' END`,
    value_number: 'coalesce("valueQuantity".value, "valueInteger")',
    value_unit: 'unit_of("valueQuantity")',
    value_boolean: '"valueBoolean"',
    components: `list_transform(coalesce("component", []), c -> struct_pack(loinc := loinc_of(c.code.coding), value := c.valueQuantity.value, unit := unit_of(c.valueQuantity)))`,
  },
  concepts: [
    {
      name: 'code',
      kind: 'observation',
      codings: '"code".coding',
      element: 'code',
      counted: true,
    },
    { name: 'value', kind: 'finding', codings: '"valueCodeableConcept".coding', counted: false },
  ],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    effective_date: 's.effective_date',
    status: 's.status',
    category: 's.category',
    code_system: 'm_code.system',
    code: 'm_code.code',
    loinc: 'm_code.loinc',
    finding_id: 'm_code.finding_id',
    test_id: 'm_code.test_id',
    value_type: 's.value_type',
    value_number: 's.value_number',
    value_unit: 's.value_unit',
    value_boolean: 's.value_boolean',
    value_system: 'm_value.system',
    value_code: 'm_value.code',
    value_finding_id: 'm_value.finding_id',
    components: 's.components',
  },
};
