/** AllergyIntolerance → `allergies`: RxNorm substances → KB ingredient; first reaction manifestation. */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const allergyIntoleranceSpec: ResourceSpec = {
  resourceType: 'AllergyIntolerance',
  table: 'allergies',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    clinicalStatus: FHIR.codeableConcept,
    verificationStatus: FHIR.codeableConcept,
    type: 'VARCHAR',
    category: 'VARCHAR[]',
    criticality: 'VARCHAR',
    code: FHIR.codeableConcept,
    patient: FHIR.reference,
    recordedDate: 'VARCHAR',
    onsetDateTime: 'VARCHAR',
    reaction: `STRUCT(manifestation ${FHIR.codeableConcept}[])[]`,
  },
  patientRef: `ref_id("patient".reference, 'Patient')`,
  patientElement: 'patient',
  required: [{ element: 'code', present: 'len(coalesce("code".coding, [])) > 0' }],
  dates: {
    recorded_date: { element: 'recordedDate', raw: '"recordedDate"' },
    onset_date: { element: 'onsetDateTime', raw: '"onsetDateTime"' },
  },
  stage: {
    clinical_status: 'code_token("clinicalStatus".coding[1].code)',
    verification_status: 'code_token("verificationStatus".coding[1].code)',
    type: 'code_token("type")',
    category: 'code_token("category"[1])',
    criticality: 'code_token("criticality")',
  },
  concepts: [
    { name: 'code', kind: 'medication', codings: '"code".coding', element: 'code', counted: true },
    {
      name: 'manifestation',
      kind: 'plain',
      codings:
        'flatten(list_transform(coalesce("reaction", []), r -> codings_of(r.manifestation)))',
      counted: false,
    },
  ],
  output: {
    patient_id: 'p.patient_id',
    recorded_date: 's.recorded_date',
    onset_date: 's.onset_date',
    clinical_status: 's.clinical_status',
    verification_status: 's.verification_status',
    type: 's.type',
    category: 's.category',
    criticality: 's.criticality',
    code_system: 'm_code.system',
    code: 'm_code.code',
    ingredient_rxcui: 'm_code.ingredient_rxcui',
    manifestation_system: 'm_manifestation.system',
    manifestation_code: 'm_manifestation.code',
  },
};
