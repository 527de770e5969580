/**
 * The FHIR R4 elements the CDS Hooks services read (docs/specs/fhir-profile.md), as loose schemas:
 * codes, statuses, values and dates. Names, addresses, narrative and note text are never read.
 * `resourcesOf` takes a prefetch value (one resource or a searchset Bundle) and returns the valid
 * resources of one type; malformed entries are counted, not thrown.
 */
import { z } from 'zod';

const Coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export type FhirCoding = z.infer<typeof Coding>;

const CodeableConcept = z.looseObject({
  coding: z.array(Coding).max(50).optional(),
  text: z.string().optional(),
});
export type FhirCodeableConcept = z.infer<typeof CodeableConcept>;

const Reference = z.looseObject({ reference: z.string().optional() });
const Quantity = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  code: z.string().optional(),
});
const Period = z.looseObject({ start: z.string().optional() });

export const PatientResourceSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
});

export const ConditionResourceSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
});

export const ObservationResourceSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  status: z.string().optional(),
  category: z.array(CodeableConcept).max(10).optional(),
  code: CodeableConcept,
  valueQuantity: Quantity.optional(),
  valueBoolean: z.boolean().optional(),
  valueCodeableConcept: CodeableConcept.optional(),
  component: z
    .array(z.looseObject({ code: CodeableConcept, valueQuantity: Quantity.optional() }))
    .max(20)
    .optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: Period.optional(),
  issued: z.string().optional(),
});
export type ObservationResource = z.infer<typeof ObservationResourceSchema>;

export const ProcedureResourceSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  status: z.string().optional(),
  code: CodeableConcept.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: Period.optional(),
});

export const ImmunizationResourceSchema = z.looseObject({
  resourceType: z.literal('Immunization'),
  status: z.string().optional(),
  vaccineCode: CodeableConcept.optional(),
  occurrenceDateTime: z.string().optional(),
});

export const MedicationRequestResourceSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  id: z.string().optional(),
  status: z.string().optional(),
  medicationCodeableConcept: CodeableConcept.optional(),
  medicationReference: Reference.optional(),
  contained: z.array(z.unknown()).max(20).optional(),
});
export type MedicationRequestResource = z.infer<typeof MedicationRequestResourceSchema>;

export const MedicationResourceSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  id: z.string().optional(),
  code: CodeableConcept.optional(),
});
export type MedicationResource = z.infer<typeof MedicationResourceSchema>;

export const EncounterResourceSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  reasonCode: z.array(CodeableConcept).max(20).optional(),
});

/** Most entries read from one prefetch value. */
export const MAX_ENTRIES = 2_000;

export interface Extracted<T> {
  items: T[];
  /** Entries of the requested type that did not match the schema. */
  invalid: number;
}

function entriesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const record = value as Record<string, unknown>;
  if (record['resourceType'] !== 'Bundle') {
    return [value];
  }
  const entry = record['entry'];
  if (!Array.isArray(entry)) {
    return [];
  }
  return entry
    .slice(0, MAX_ENTRIES)
    .map((e: unknown) =>
      typeof e === 'object' && e !== null ? (e as Record<string, unknown>)['resource'] : undefined,
    );
}

const SCHEMAS = {
  Patient: PatientResourceSchema,
  Condition: ConditionResourceSchema,
  Observation: ObservationResourceSchema,
  Procedure: ProcedureResourceSchema,
  Immunization: ImmunizationResourceSchema,
  MedicationRequest: MedicationRequestResourceSchema,
  Medication: MedicationResourceSchema,
  Encounter: EncounterResourceSchema,
} as const;
export type FhirResourceType = keyof typeof SCHEMAS;
export type FhirResource<TType extends FhirResourceType> = z.output<(typeof SCHEMAS)[TType]>;

/** The valid resources of one type in a prefetch value (a resource or a Bundle). */
export function resourcesOf<TType extends FhirResourceType>(
  value: unknown,
  type: TType,
): Extracted<FhirResource<TType>> {
  // TypeScript cannot index the schema map generically; the map entry for TType is that schema.
  const schema = SCHEMAS[type] as unknown as z.ZodType<FhirResource<TType>>;
  const items: FhirResource<TType>[] = [];
  let invalid = 0;
  for (const resource of entriesOf(value)) {
    if (
      typeof resource !== 'object' ||
      resource === null ||
      (resource as Record<string, unknown>)['resourceType'] !== type
    ) {
      continue;
    }
    const parsed = schema.safeParse(resource);
    if (parsed.success) {
      items.push(parsed.data);
    } else {
      invalid += 1;
    }
  }
  return { items, invalid };
}

/** Codings of a CodeableConcept that have both a system and a code. */
export function codingsOf(
  concept: FhirCodeableConcept | undefined,
): { system: string; code: string; display?: string }[] {
  return (concept?.coding ?? []).flatMap((c) =>
    c.system !== undefined && c.code !== undefined && c.system !== '' && c.code !== ''
      ? [{ system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) }]
      : [],
  );
}

/** The first date an Observation, Procedure or Immunization records, as an ISO string. */
export function dateOf(resource: {
  effectiveDateTime?: string | undefined;
  effectivePeriod?: { start?: string | undefined } | undefined;
  issued?: string | undefined;
  performedDateTime?: string | undefined;
  performedPeriod?: { start?: string | undefined } | undefined;
  occurrenceDateTime?: string | undefined;
}): string | undefined {
  const candidates = [
    resource.effectiveDateTime,
    resource.effectivePeriod?.start,
    resource.performedDateTime,
    resource.performedPeriod?.start,
    resource.occurrenceDateTime,
    resource.issued,
  ];
  return candidates.find((d) => d !== undefined && !Number.isNaN(Date.parse(d)));
}
