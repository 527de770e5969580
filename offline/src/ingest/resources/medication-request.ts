/**
 * MedicationRequest → `medication_requests`: RxNorm (ingredient, clinical or branded drug) → KB
 * ingredient RxCUI; an end date when the order states one. Dosage text and notes are never read.
 */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const medicationRequestSpec: ResourceSpec = {
  resourceType: 'MedicationRequest',
  table: 'medication_requests',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    intent: 'VARCHAR',
    medicationCodeableConcept: FHIR.codeableConcept,
    medicationReference: FHIR.reference,
    subject: FHIR.reference,
    encounter: FHIR.reference,
    authoredOn: 'VARCHAR',
    dispenseRequest: `STRUCT(validityPeriod ${FHIR.period})`,
    dosageInstruction: `STRUCT(timing STRUCT("repeat" STRUCT(boundsPeriod ${FHIR.period})))[]`,
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: `ref_id("encounter".reference, 'Encounter')`,
  required: [
    {
      element: 'medication[x]',
      present:
        'len(coalesce("medicationCodeableConcept".coding, [])) > 0 OR "medicationReference".reference IS NOT NULL',
    },
    { element: 'authoredOn', present: '"authoredOn" IS NOT NULL' },
  ],
  dates: {
    authored_date: { element: 'authoredOn', raw: '"authoredOn"' },
    end_date: {
      element: 'validityPeriod.end|boundsPeriod.end',
      raw: 'coalesce("dispenseRequest".validityPeriod."end", "dosageInstruction"[1].timing."repeat".boundsPeriod."end")',
    },
  },
  stage: {
    status: 'code_token("status")',
    intent: 'code_token("intent")',
  },
  concepts: [
    {
      name: 'medication',
      kind: 'medication',
      codings: '"medicationCodeableConcept".coding',
      counted: true,
    },
  ],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    authored_date: 's.authored_date',
    end_date: 's.end_date',
    status: 's.status',
    intent: 's.intent',
    code_system: 'm_medication.system',
    code: 'm_medication.code',
    ingredient_rxcui: 'm_medication.ingredient_rxcui',
  },
};
