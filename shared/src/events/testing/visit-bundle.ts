/** A FHIR R4 visit Bundle per docs/specs/fhir-profile.md, with free text in every place FHIR allows it. */
export const VISIT_BUNDLE_EVENT_ID = '6a1c2b3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const NOTE = 'Jane Doe, 67, says she feels awful';

const cc = (system: string, code: string, display = 'shown to humans only') => ({
  coding: [{ system, code, display }],
  text: display,
});

export function visitBundle(): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${VISIT_BUNDLE_EVENT_ID}` },
    entry: [
      {
        fullUrl: 'urn:uuid:p-1',
        resource: {
          resourceType: 'Patient',
          id: 'p-1',
          name: [{ family: 'Doe', given: ['Jane'] }],
        },
      },
      {
        resource: {
          resourceType: 'Encounter',
          id: 'enc-1',
          status: 'finished',
          subject: { reference: 'Patient/p-1' },
          period: { start: '2026-11-05T09:00:00+00:00' },
          reasonCode: [{ text: NOTE }],
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          category: [cc('http://terminology.hl7.org/CodeSystem/observation-category', 'exam')],
          code: cc('http://snomed.info/sct', '386661006'),
          valueBoolean: true,
          note: [{ text: NOTE }],
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: cc('http://snomed.info/sct', '49727002'),
          valueBoolean: false,
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: cc('http://loinc.org', '85354-9'),
          effectiveDateTime: '2026-11-05T09:05:00Z',
          component: [
            {
              code: cc('http://loinc.org', '8480-6'),
              valueQuantity: { value: 150, unit: 'mmHg', code: 'mm[Hg]' },
            },
            {
              code: cc('http://loinc.org', '8462-4'),
              valueQuantity: { value: 95, unit: 'mmHg', code: 'mm[Hg]' },
            },
          ],
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'entered-in-error',
          code: cc('http://loinc.org', '4548-4'),
          valueQuantity: { value: 9.9, code: '%' },
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          category: [
            cc('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item'),
          ],
          clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
          verificationStatus: cc(
            'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            'confirmed',
          ),
          code: cc('http://hl7.org/fhir/sid/icd-10-cm', 'E119'),
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          verificationStatus: cc(
            'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            'refuted',
          ),
          code: cc('http://hl7.org/fhir/sid/icd-10-cm', 'J18.9'),
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          status: 'active',
          intent: 'order',
          medicationCodeableConcept: cc('http://www.nlm.nih.gov/research/umls/rxnorm', '314076'),
          dosageInstruction: [{ text: NOTE }],
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          status: 'stopped',
          intent: 'order',
          medicationCodeableConcept: cc('http://www.nlm.nih.gov/research/umls/rxnorm', '5640'),
        },
      },
      {
        resource: {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: cc('http://hl7.org/fhir/sid/cvx', '140'),
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          content: [{ attachment: { contentType: 'text/plain', data: 'SmFuZSBEb2U=' } }],
        },
      },
    ],
  };
}
