/**
 * Code-system URIs as exports spell them (OIDs, trailing slashes, WHO ICD-10) → the canonical URIs
 * the knowledge base uses, and the shape checks that keep free text out of code columns.
 */
import { CODE_SYSTEMS } from '@mediassist/shared/kb';

/** WHO ICD-10: not ICD-10-CM, but its categories resolve through the same KB lookup. */
export const ICD10_WHO = 'http://hl7.org/fhir/sid/icd-10';

const ALIASES: Readonly<Record<string, string>> = {
  'urn:oid:2.16.840.1.113883.6.96': CODE_SYSTEMS.snomed,
  'http://snomed.info/id': CODE_SYSTEMS.snomed,
  'urn:oid:2.16.840.1.113883.6.90': CODE_SYSTEMS.icd10cm,
  'http://hl7.org/fhir/sid/icd-10-us': CODE_SYSTEMS.icd10cm,
  'urn:oid:2.16.840.1.113883.6.3': ICD10_WHO,
  'urn:oid:2.16.840.1.113883.6.1': CODE_SYSTEMS.loinc,
  'urn:oid:2.16.840.1.113883.6.88': CODE_SYSTEMS.rxnorm,
  'urn:oid:2.16.840.1.113883.12.292': CODE_SYSTEMS.cvx,
  'urn:oid:2.16.840.1.113883.6.12': CODE_SYSTEMS.cpt,
  'urn:oid:2.16.840.1.113883.6.86': CODE_SYSTEMS.umls,
};

const SYSTEM_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:[!-~]{1,200}$/;
const CODE_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,63}$/;
const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/** The canonical URI of a code system, or undefined for something that is not a URI. */
export function canonicalSystem(system: string | null | undefined): string | undefined {
  if (system === null || system === undefined) {
    return undefined;
  }
  const trimmed = system.trim().replace(/\/+$/, '');
  if (!SYSTEM_SHAPE.test(trimmed)) {
    return undefined;
  }
  return ALIASES[trimmed] ?? trimmed;
}

/** A code as codes look (no spaces, ≤ 64 characters); anything else may be free text and is dropped. */
export function isCodeShaped(code: string | null | undefined): code is string {
  return typeof code === 'string' && CODE_SHAPE.test(code);
}

/** ICD-10(-CM) with its dot (`J069` → `J06.9`), or undefined when the code is not ICD-10-shaped. */
export function normalizeIcd10(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const dotted =
    !upper.includes('.') && upper.length > 3 ? `${upper.slice(0, 3)}.${upper.slice(3)}` : upper;
  return ICD10_SHAPE.test(dotted) ? dotted : undefined;
}
