/** FHIR datatype helpers shared by the resource builders: instants, references, codings. */
import type { CodeableConcept, Coding as FhirCoding, Reference } from '@medplum/fhirtypes';
import type { Coding } from '@mediassist/shared/kb';

export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const isoDateTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

// Reference<never> fits every typed reference target.
export const ref = (type: string, id: string): Reference<never> => ({ reference: `${type}/${id}` });
export const toCoding = (c: Coding): FhirCoding =>
  c.display === undefined
    ? { system: c.system, code: c.code }
    : { system: c.system, code: c.code, display: c.display };
/** A one-coding concept; `text` only when it says something the coding's display does not. */
export const concept = (coding: Coding, text?: string): CodeableConcept => ({
  coding: [toCoding(coding)],
  ...(text === undefined || text === coding.display ? {} : { text }),
});
