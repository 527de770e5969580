/** The FHIR R4 elements the visit mapping reads (loose: a resource's other elements are ignored, never copied). */
import { z } from 'zod';
import {
  CodeSystemUriSchema,
  CodeValueSchema,
  InstantSchema,
  UcumUnitSchema,
  type CodingRef,
} from './codes.js';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
export const CodeableConcept = z.looseObject({ coding: z.array(Coding).max(50).optional() });
export type CodeableConcept = z.infer<typeof CodeableConcept>;
export const Quantity = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  code: z.string().optional(),
});
export type Quantity = z.infer<typeof Quantity>;

export const EncounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id: z.string().min(1).max(128).optional(),
  subject: z.looseObject({ reference: z.string().min(1).max(256) }),
  period: z.looseObject({ start: InstantSchema }),
});

export const ObservationSchema = z.looseObject({
  status: z.string().optional(),
  code: CodeableConcept,
  valueBoolean: z.boolean().optional(),
  valueQuantity: Quantity.optional(),
  valueCodeableConcept: CodeableConcept.optional(),
  component: z
    .array(z.looseObject({ code: CodeableConcept, valueQuantity: Quantity.optional() }))
    .max(20)
    .optional(),
  effectiveDateTime: InstantSchema.optional(),
});

export const ConditionSchema = z.looseObject({
  category: z.array(CodeableConcept).max(10).optional(),
  verificationStatus: CodeableConcept.optional(),
  clinicalStatus: CodeableConcept.optional(),
  code: CodeableConcept,
});

export const MedicationRequestSchema = z.looseObject({
  status: z.string(),
  medicationCodeableConcept: CodeableConcept.optional(),
});

export const ProcedureSchema = z.looseObject({
  status: z.string().optional(),
  code: CodeableConcept,
});
export const ImmunizationSchema = z.looseObject({
  status: z.string().optional(),
  vaccineCode: CodeableConcept,
});

/** Statuses that mean the thing did not happen (or is not final): such resources are skipped. */
export const NEVER_HAPPENED = new Set(['entered-in-error', 'cancelled', 'not-done', 'preliminary']);

/** A concept's codings that have a usable system and code (display text is never taken). */
export function codings(concept: CodeableConcept | undefined): CodingRef[] {
  return (concept?.coding ?? []).flatMap((c) => {
    const parsed = z
      .strictObject({ system: CodeSystemUriSchema, code: CodeValueSchema })
      .safeParse({
        system: c.system,
        code: c.code,
      });
    return parsed.success ? [parsed.data] : [];
  });
}

export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return codings(concept).find((c) => c.system === system)?.code;
}

export function anyCode(concept: CodeableConcept | undefined): string | undefined {
  return codings(concept)[0]?.code;
}

/** `E119` → `E11.9`: ICD-10-CM codes often travel without their dot. */
export function icd10WithDot(code: string): string {
  const upper = code.toUpperCase();
  return upper.length > 3 && !upper.includes('.')
    ? `${upper.slice(0, 3)}.${upper.slice(3)}`
    : upper;
}

export function referenceId(reference: string): string | undefined {
  const match = /^(?:Patient\/|urn:uuid:)([A-Za-z0-9\-.]{1,128})$/.exec(reference);
  return match?.[1];
}

/** A quantity's UCUM unit: its `code`, else its `unit` when that is a UCUM string. */
export function ucum(quantity: Quantity): string | undefined {
  for (const unit of [quantity.code, quantity.unit]) {
    if (UcumUnitSchema.safeParse(unit).success) {
      return unit;
    }
  }
  return undefined;
}
