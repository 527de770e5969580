/**
 * Draft FHIR R4 resources that suggestions propose to create: a MedicationRequest for an alternative
 * drug (RxNorm ingredient; the clinician sets dose and route) and a ServiceRequest for a test (its
 * first KB code: LOINC, CPT, SNOMED CT or CVX). Both reference the EHR's own patient and encounter.
 */
import { CODE_SYSTEMS, type Drug, type Test } from '@mediassist/shared/kb';

export interface SubjectRefs {
  /** The EHR's FHIR Patient id (goes back to the EHR only; never logged or stored). */
  patientFhirId: string;
  encounterFhirId?: string | undefined;
}

function subjectOf(refs: SubjectRefs) {
  return {
    subject: { reference: `Patient/${refs.patientFhirId}` },
    ...(refs.encounterFhirId === undefined
      ? {}
      : { encounter: { reference: `Encounter/${refs.encounterFhirId}` } }),
  };
}

export function draftMedicationRequest(drug: Drug, refs: SubjectRefs) {
  return {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: CODE_SYSTEMS.rxnorm, code: drug.rxcui, display: drug.name }],
      text: drug.name,
    },
    ...subjectOf(refs),
  };
}

export function draftServiceRequest(test: Test, refs: SubjectRefs) {
  const code = test.codes[0];
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    code: {
      ...(code
        ? { coding: [{ system: code.system, code: code.code, display: test.display }] }
        : {}),
      text: test.display,
    },
    ...subjectOf(refs),
  };
}
