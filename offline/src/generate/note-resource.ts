/** The visit note as a DocumentReference (US Core clinical note): plain text, base64, tied to its visit. */
import type { DocumentReference } from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '@mediassist/shared/kb';
import { isoDateTime, ref } from './fhir-datatypes.js';

export function noteResource(options: {
  id: string;
  patientId: string;
  encounterId: string;
  startMs: number;
  endMs: number;
  text: string;
}): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: options.id,
    status: 'current',
    type: { coding: [{ system: CODE_SYSTEMS.loinc, code: '11506-3', display: 'Progress note' }] },
    category: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
            code: 'clinical-note',
          },
        ],
      },
    ],
    subject: ref('Patient', options.patientId),
    date: isoDateTime(options.endMs),
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: Buffer.from(options.text, 'utf8').toString('base64'),
        },
      },
    ],
    context: {
      encounter: [ref('Encounter', options.encounterId)],
      period: { start: isoDateTime(options.startMs), end: isoDateTime(options.endMs) },
    },
  };
}
