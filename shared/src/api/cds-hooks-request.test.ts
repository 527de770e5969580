import { describe, expect, it } from 'vitest';
import { CdsFeedbackRequestSchema } from './cds-hooks-feedback.js';
import { CdsHookRequestSchema, OrderSelectContextSchema } from './cds-hooks-request.js';

/** The specification's example call (cds-hooks.hl7.org, "Calling a CDS Service"). */
const SPEC_CALL = {
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  fhirServer: 'http://hooks.smarthealthit.org:9080',
  hook: 'patient-view',
  fhirAuthorization: {
    access_token: 'some-opaque-fhir-access-token',
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'patient/Patient.read patient/Observation.read',
    subject: 'cds-service4',
  },
  context: { userId: 'Practitioner/example', patientId: '1288992', encounterId: '89284' },
  prefetch: {
    patientToGreet: {
      resourceType: 'Patient',
      gender: 'male',
      birthDate: '1925-12-23',
      id: '1288992',
      active: true,
    },
  },
};

describe('CDS Hooks request schemas', () => {
  it('accept the specification’s example call', () => {
    expect(CdsHookRequestSchema.safeParse(SPEC_CALL).success).toBe(true);
  });

  it('require fhirServer with fhirAuthorization', () => {
    const { fhirServer: _omitted, ...withoutServer } = SPEC_CALL;
    expect(CdsHookRequestSchema.safeParse(withoutServer).success).toBe(false);
  });

  it('accept only FHIR ids as patient ids (safe inside a FHIR query)', () => {
    const context = {
      userId: 'PractitionerRole/123',
      patientId: '1288992',
      selections: ['MedicationRequest/103'],
      draftOrders: { resourceType: 'Bundle', entry: [] },
    };
    expect(OrderSelectContextSchema.safeParse(context).success).toBe(true);
    expect(
      OrderSelectContextSchema.safeParse({ ...context, patientId: '12&_include=*' }).success,
    ).toBe(false);
  });

  it('parse the specification’s feedback examples and drop the free-text comment', () => {
    const parsed = CdsFeedbackRequestSchema.parse({
      feedback: [
        {
          card: '9368d37b-283f-44a0-93ea-547cebab93ed',
          outcome: 'overridden',
          overrideReason: {
            reason: {
              code: 'd7ecf885',
              system: 'https://example.com/cds-hooks/override-reason-system',
            },
            userComment: 'A comment entered by the clinician.',
          },
          outcomeTimestamp: '2020-12-11T00:00:00Z',
        },
        {
          card: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
          outcome: 'accepted',
          acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }],
          outcomeTimestamp: '2020-12-11T00:00:00Z',
        },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain('A comment');
  });
});
