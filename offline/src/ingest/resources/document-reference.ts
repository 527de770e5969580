/**
 * DocumentReference → `documents` (metadata only) and the restricted `notes` table (decoded
 * text/plain attachments). Note text never reaches an analytical table.
 */
import { FHIR, type ResourceSpec } from '../resource-spec.js';

export const documentReferenceSpec: ResourceSpec = {
  resourceType: 'DocumentReference',
  table: 'documents',
  columns: {
    resourceType: 'VARCHAR',
    id: 'VARCHAR',
    status: 'VARCHAR',
    type: FHIR.codeableConcept,
    subject: FHIR.reference,
    date: 'VARCHAR',
    context: `STRUCT(encounter ${FHIR.reference}[], period ${FHIR.period})`,
    content: 'STRUCT(attachment STRUCT(contentType VARCHAR, data VARCHAR))[]',
  },
  patientRef: `ref_id("subject".reference, 'Patient')`,
  patientElement: 'subject',
  encounterRef: `ref_id("context".encounter[1].reference, 'Encounter')`,
  required: [{ element: 'content', present: 'len(coalesce("content", [])) > 0' }],
  dates: {
    doc_date: { element: 'date', raw: 'coalesce("date", "context".period."start")' },
  },
  stage: {
    status: 'code_token("status")',
    content_type: 'media_type("content"[1].attachment.contentType)',
    note_text: `try(decode(from_base64(list_filter("content", c -> media_type(c.attachment.contentType) = 'text/plain' AND c.attachment.data IS NOT NULL)[1].attachment.data)))`,
  },
  concepts: [{ name: 'type', kind: 'plain', codings: '"type".coding', counted: false }],
  output: {
    patient_id: 'p.patient_id',
    encounter_id: 'e.encounter_id',
    date: 's.doc_date',
    status: 's.status',
    type_system: 'm_type.system',
    type_code: 'm_type.code',
    content_type: 's.content_type',
    has_text: 's.note_text IS NOT NULL',
  },
  restricted: {
    output: {
      patient_id: 'p.patient_id',
      encounter_id: 'e.encounter_id',
      date: 's.doc_date',
      type_code: 'm_type.code',
      text: 's.note_text',
    },
    where: 's.note_text IS NOT NULL',
  },
};
