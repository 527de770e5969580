/**
 * Code formats accepted in events. Every string is a code or an id with a strict format, so free text
 * (a symptom sentence, a name) can never pass as one.
 */
import { z } from 'zod';
import { Icd10CodeSchema as KbIcd10CodeSchema, SlugSchema } from '../kb/schema.js';

/** Knowledge-base ids are kebab-case slugs, e.g. `community-acquired-pneumonia`. */
export const KbIdSchema = SlugSchema.max(80);

/** ICD-10-CM with its dot, e.g. `J18.9`. */
export const Icd10CodeSchema = KbIcd10CodeSchema;

/** SNOMED CT concept id. */
export const SnomedCodeSchema = z.string().regex(/^\d{6,18}$/);

/** RxNorm concept unique identifier, e.g. `29046`. */
export const RxcuiSchema = z.string().regex(/^\d{1,8}$/);

/** LOINC code with its check digit, e.g. `4548-4`. */
export const LoincCodeSchema = z.string().regex(/^\d{1,7}-\d$/);

/** A UCUM unit (`mm[Hg]`, `mg/dL`, `%`, `/min`): printable ASCII without spaces. */
export const UcumUnitSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[\x21-\x7e]+$/);

/** A code system URI (`http://snomed.info/sct`, `urn:oid:…`). */
export const CodeSystemUriSchema = z
  .string()
  .max(200)
  .regex(/^(?:https?:\/\/|urn:)[\x21-\x7e]+$/);

/** Any code: printable ASCII without spaces, short. */
export const CodeValueSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/);

/** A code with its system, as FHIR writes it (the display text is never taken). */
export const CodingRefSchema = z.strictObject({
  system: CodeSystemUriSchema,
  code: CodeValueSchema,
});
export type CodingRef = z.infer<typeof CodingRefSchema>;

/** An instant with an explicit offset (`…Z` or `…+02:00`). */
export const InstantSchema = z.iso.datetime({ offset: true });

/** The FHIR code system URIs events use. */
export const SYSTEMS = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
} as const;
