/**
 * FHIR R4 resources and CDS Hooks requests shaped like the specification's examples
 * (cds-hooks.hl7.org: the patient-view request, the order-select R4 context), for tests and the
 * benchmark. Names are included on purpose where EHRs send them, to prove they never come back out.
 */
import { randomUUID } from 'node:crypto';
import type { CdsHookRequest } from '@mediassist/shared/api';
import { CODE_SYSTEMS } from '@mediassist/shared/kb';

/** The specification's example patient and encounter ids. */
export const SPEC_PATIENT_ID = '1288992';
export const SPEC_ENCOUNTER_ID = '89284';
/** A name that must never appear in a response or a log line. */
export const PATIENT_NAME = 'Wade Watts';

export type Resource = Record<string, unknown> & { resourceType: string };

export function searchset(resources: readonly Resource[]): Resource {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  };
}

export function patient(options: { gender: string; birthDate: string }): Resource {
  return {
    resourceType: 'Patient',
    id: SPEC_PATIENT_ID,
    active: true,
    name: [{ use: 'official', family: 'Watts', given: ['Wade'] }],
    ...options,
  };
}

export function medicationRequest(options: {
  id: string;
  rxcui?: string;
  display?: string;
  status?: string;
}): Resource {
  const coding =
    options.rxcui === undefined
      ? []
      : [{ system: CODE_SYSTEMS.rxnorm, code: options.rxcui, display: options.display }];
  return {
    resourceType: 'MedicationRequest',
    id: options.id,
    status: options.status ?? 'active',
    intent: 'order',
    medicationCodeableConcept: {
      ...(coding.length > 0 ? { coding } : {}),
      ...(options.display ? { text: options.display } : {}),
    },
    subject: { reference: `Patient/${SPEC_PATIENT_ID}` },
    dosageInstruction: [{ text: '1 tablet daily' }],
  };
}

export function condition(options: { icd10?: string; snomed?: string; status?: string }): Resource {
  return {
    resourceType: 'Condition',
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
          code: options.status ?? 'active',
        },
      ],
    },
    category: [{ coding: [{ code: 'problem-list-item' }] }],
    code: {
      coding: [
        ...(options.icd10 ? [{ system: CODE_SYSTEMS.icd10cm, code: options.icd10 }] : []),
        ...(options.snomed ? [{ system: CODE_SYSTEMS.snomed, code: options.snomed }] : []),
      ],
    },
    subject: { reference: `Patient/${SPEC_PATIENT_ID}` },
  };
}

export function observation(options: {
  loinc: string;
  date: string;
  value?: number;
  unit?: string;
  category?: string;
  valueBoolean?: boolean;
  system?: string;
}): Resource {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ code: options.category ?? 'laboratory' }] }],
    code: { coding: [{ system: options.system ?? CODE_SYSTEMS.loinc, code: options.loinc }] },
    effectiveDateTime: options.date,
    ...(options.value === undefined
      ? {}
      : { valueQuantity: { value: options.value, unit: options.unit, code: options.unit } }),
    ...(options.valueBoolean === undefined ? {} : { valueBoolean: options.valueBoolean }),
  };
}

export function procedure(options: { system: string; code: string; date: string }): Resource {
  return {
    resourceType: 'Procedure',
    status: 'completed',
    code: { coding: [{ system: options.system, code: options.code }] },
    performedDateTime: options.date,
  };
}

export function encounter(options: {
  reasons: readonly { system: string; code: string }[];
}): Resource {
  return {
    resourceType: 'Encounter',
    id: SPEC_ENCOUNTER_ID,
    status: 'in-progress',
    reasonCode: options.reasons.map((r) => ({ coding: [r] })),
    subject: { reference: `Patient/${SPEC_PATIENT_ID}` },
  };
}

export function hookRequest(options: {
  hook: string;
  context: Record<string, unknown>;
  prefetch?: Record<string, unknown>;
  fhirServer?: string;
  accessToken?: string;
}): CdsHookRequest {
  return {
    hook: options.hook,
    hookInstance: randomUUID(),
    ...(options.fhirServer ? { fhirServer: options.fhirServer } : {}),
    ...(options.accessToken
      ? {
          fhirAuthorization: {
            access_token: options.accessToken,
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'patient/Patient.read patient/MedicationRequest.read',
            subject: 'mediassist',
          },
        }
      : {}),
    context: { userId: 'PractitionerRole/123', patientId: SPEC_PATIENT_ID, ...options.context },
    ...(options.prefetch ? { prefetch: options.prefetch } : {}),
  };
}

export interface DraftSpec {
  id: string;
  rxcui: string;
  display: string;
}

/** An order-select (or order-sign) request: drafts in `draftOrders`, active medications prefetched. */
export function orderRequest(options: {
  hook: 'order-select' | 'order-sign';
  drafts: readonly DraftSpec[];
  active: readonly DraftSpec[];
  selections?: readonly string[];
  prefetchMedications?: boolean;
  fhirServer?: string;
  accessToken?: string;
}): CdsHookRequest {
  const draftOrders = searchset(
    options.drafts.map((d) => medicationRequest({ ...d, status: 'draft' })),
  );
  return hookRequest({
    hook: options.hook,
    context: {
      encounterId: SPEC_ENCOUNTER_ID,
      draftOrders: { ...draftOrders, type: 'collection' },
      ...(options.hook === 'order-select'
        ? {
            selections:
              options.selections ?? options.drafts.map((d) => `MedicationRequest/${d.id}`),
          }
        : {}),
    },
    ...(options.prefetchMedications === false
      ? {}
      : { prefetch: { medications: searchset(options.active.map((a) => medicationRequest(a))) } }),
    ...(options.fhirServer ? { fhirServer: options.fhirServer } : {}),
    ...(options.accessToken ? { accessToken: options.accessToken } : {}),
  });
}

export const DRUGS = {
  warfarin: { id: 'med-warfarin', rxcui: '855332', display: 'Warfarin Sodium 5 MG Oral Tablet' },
  ibuprofen: { id: 'draft-ibuprofen', rxcui: '197806', display: 'Ibuprofen 600 MG Oral Tablet' },
  simvastatin: { id: 'med-simvastatin', rxcui: '36567', display: 'simvastatin' },
  clarithromycin: { id: 'draft-clarithromycin', rxcui: '21212', display: 'clarithromycin' },
  lisinopril: { id: 'med-lisinopril', rxcui: '29046', display: 'lisinopril' },
  amoxicillin: { id: 'draft-amoxicillin', rxcui: '723', display: 'amoxicillin' },
  tramadol: { id: 'draft-tramadol', rxcui: '10689', display: 'tramadol' },
  metformin: { id: 'draft-metformin', rxcui: '6809', display: 'metformin' },
} as const satisfies Record<string, DraftSpec>;
