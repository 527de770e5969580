/** The Patient resource (US Core Patient): PHI-shaped identity, sex and birth date. */
import type { Patient } from '@medplum/fhirtypes';
import { isoDate } from './fhir-datatypes.js';
import type { Identity } from './identity.js';

export function patientResource(options: {
  id: string;
  identity: Identity;
  gender: 'female' | 'male';
  birthMs: number;
}): Patient {
  const { id, identity: who, gender, birthMs } = options;
  return {
    resourceType: 'Patient',
    id,
    meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
    identifier: [
      {
        use: 'usual',
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
          text: 'Medical Record Number',
        },
        system: 'urn:mediassist:synthetic:mrn',
        value: who.mrn,
      },
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }],
          text: 'Social Security Number',
        },
        system: 'http://hl7.org/fhir/sid/us-ssn',
        value: who.ssn,
      },
    ],
    name: [
      {
        use: 'official',
        family: who.family,
        given: [...who.given],
        ...(who.prefix === undefined ? {} : { prefix: [who.prefix] }),
      },
    ],
    telecom: [
      { system: 'phone', value: who.phone, use: 'home' },
      { system: 'email', value: who.email },
    ],
    gender,
    birthDate: isoDate(birthMs),
    address: [
      {
        use: 'home',
        line: [who.address.line],
        city: who.address.city,
        state: who.address.state,
        postalCode: who.address.postalCode,
        country: 'US',
      },
    ],
    maritalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
          code: who.maritalStatus,
        },
      ],
    },
  };
}
