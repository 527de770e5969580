/**
 * FHIR R4 resources (one ndjson line each) → the evaluation's records, coded by knowledge-base id.
 * Only the elements the evaluation needs are read; a resource that does not parse is skipped and
 * counted by the caller. Works for the generator's exports and for Synthea's.
 */
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import {
  normalizeSubstance,
  type AllergyRecord,
  type ConditionRecord,
  type FindingRecord,
  type MeasurementRecord,
  type MedicationRecord,
  type NoteRecord,
  type RecordTime,
} from './clinical-record.js';
import type { KbCodes } from './kb-codes.js';
import { SMOKING_STATUS_LOINC, smokingStatusFinding } from './smoking-status.js';

const CodingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const ConceptSchema = z.looseObject({
  coding: z.array(CodingSchema).optional(),
  text: z.string().optional(),
});
const ReferenceSchema = z.looseObject({ reference: z.string().optional() });
const QuantitySchema = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  code: z.string().optional(),
});

const PatientSchema = z.looseObject({ id: z.string(), birthDate: z.string().optional() });

const DocumentReferenceSchema = z.looseObject({
  id: z.string(),
  subject: ReferenceSchema,
  date: z.string().optional(),
  context: z
    .looseObject({
      encounter: z.array(ReferenceSchema).optional(),
      period: z
        .looseObject({ start: z.string().optional(), end: z.string().optional() })
        .optional(),
    })
    .optional(),
  content: z.array(
    z.looseObject({
      attachment: z.looseObject({
        contentType: z.string().optional(),
        data: z.string().optional(),
      }),
    }),
  ),
});

const ObservationSchema = z.looseObject({
  code: ConceptSchema,
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  valueBoolean: z.boolean().optional(),
  valueQuantity: QuantitySchema.optional(),
  valueCodeableConcept: ConceptSchema.optional(),
  component: z
    .array(z.looseObject({ code: ConceptSchema, valueQuantity: QuantitySchema.optional() }))
    .optional(),
});

const ConditionSchema = z.looseObject({
  code: ConceptSchema,
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  category: z.array(ConceptSchema).optional(),
  onsetDateTime: z.string().optional(),
  recordedDate: z.string().optional(),
  abatementDateTime: z.string().optional(),
});

const MedicationRequestSchema = z.looseObject({
  status: z.string(),
  subject: ReferenceSchema,
  encounter: ReferenceSchema.optional(),
  medicationCodeableConcept: ConceptSchema.optional(),
  authoredOn: z.string().optional(),
});

const AllergyIntoleranceSchema = z.looseObject({
  code: ConceptSchema.optional(),
  patient: ReferenceSchema,
  recordedDate: z.string().optional(),
  onsetDateTime: z.string().optional(),
});

/** The id a `Patient/<id>` or `urn:uuid:<id>` reference points at. */
export function referencedId(reference: { reference?: string | undefined } | undefined): string {
  const ref = reference?.reference ?? '';
  return ref.startsWith('urn:uuid:') ? ref.slice('urn:uuid:'.length) : (ref.split('/').pop() ?? '');
}

/** A FHIR dateTime or date as a record time (its own calendar day, and the instant). */
export function recordTime(value: string | undefined): RecordTime | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return { day: value.slice(0, 10), ms: Number.isNaN(ms) ? undefined : ms };
}

const optionalId = (ref: { reference?: string | undefined } | undefined): string | undefined =>
  ref === undefined ? undefined : referencedId(ref) || undefined;

/** The plain-text note of a DocumentReference, or undefined when it has none. */
export function noteRecordOf(raw: unknown): NoteRecord | undefined {
  const parsed = DocumentReferenceSchema.safeParse(raw);
  if (!parsed.success) {
    return undefined;
  }
  const doc = parsed.data;
  const attachment = doc.content.find(
    (c) =>
      (c.attachment.contentType ?? 'text/plain').startsWith('text/plain') &&
      c.attachment.data !== undefined,
  )?.attachment;
  const at = recordTime(doc.context?.period?.end ?? doc.date ?? doc.context?.period?.start);
  if (attachment?.data === undefined || at === undefined) {
    return undefined;
  }
  return {
    id: doc.id,
    patient: referencedId(doc.subject),
    encounter: optionalId(doc.context?.encounter?.[0]),
    at,
    text: Buffer.from(attachment.data, 'base64').toString('utf8'),
  };
}

/** A Patient's id and birth date (`YYYY-MM-DD`), or undefined when it has no birth date. */
export function patientBirthDateOf(
  raw: unknown,
): { patient: string; birthDate: string } | undefined {
  const parsed = PatientSchema.safeParse(raw);
  return parsed.success && parsed.data.birthDate !== undefined
    ? { patient: parsed.data.id, birthDate: parsed.data.birthDate }
    : undefined;
}

export type ObservationRecords =
  | { kind: 'finding'; patient: string; record: FindingRecord }
  | { kind: 'measurements'; patient: string; records: MeasurementRecord[] }
  | { kind: 'outside-kb'; patient: string }
  | { kind: 'other' };

const loincOf = (concept: z.infer<typeof ConceptSchema>): string | undefined =>
  concept.coding?.find((c) => c.system === CODE_SYSTEMS.loinc)?.code;

export function observationRecordsOf(raw: unknown, kb: KnowledgeBase): ObservationRecords {
  const parsed = ObservationSchema.safeParse(raw);
  if (!parsed.success) {
    return { kind: 'other' };
  }
  const obs = parsed.data;
  const patient = referencedId(obs.subject);
  const encounter = optionalId(obs.encounter);
  if (obs.valueBoolean !== undefined) {
    const finding = (obs.code.coding ?? [])
      .map((c) => (c.system && c.code ? kb.findingByCode(c.system, c.code) : undefined))
      .find((f) => f !== undefined);
    return finding
      ? {
          kind: 'finding',
          patient,
          record: { encounter, findingId: finding.id, present: obs.valueBoolean },
        }
      : { kind: 'outside-kb', patient };
  }
  if (obs.valueCodeableConcept && loincOf(obs.code) === SMOKING_STATUS_LOINC) {
    const record = (obs.valueCodeableConcept.coding ?? [])
      .map((c) =>
        c.system === undefined || c.code === undefined
          ? undefined
          : smokingStatusFinding({ system: c.system, code: c.code }, kb),
      )
      .find((f) => f !== undefined);
    return record
      ? { kind: 'finding', patient, record: { encounter, ...record } }
      : { kind: 'outside-kb', patient };
  }
  const records: MeasurementRecord[] = [];
  const add = (loinc: string | undefined, q: z.infer<typeof QuantitySchema> | undefined): void => {
    const unit = q?.code ?? q?.unit;
    if (loinc !== undefined && q?.value !== undefined && unit !== undefined) {
      records.push({ encounter, loinc, value: q.value, unit });
    }
  };
  add(loincOf(obs.code), obs.valueQuantity);
  for (const component of obs.component ?? []) {
    add(loincOf(component.code), component.valueQuantity);
  }
  return records.length > 0 ? { kind: 'measurements', patient, records } : { kind: 'other' };
}

export function conditionRecordOf(
  raw: unknown,
  codes: KbCodes,
): { patient: string; record: ConditionRecord | undefined } | undefined {
  const parsed = ConditionSchema.safeParse(raw);
  if (!parsed.success) {
    return undefined;
  }
  const c = parsed.data;
  const conditionId = (c.code.coding ?? [])
    .map((coding) => codes.conditionId(coding))
    .find((id) => id !== undefined);
  const patient = referencedId(c.subject);
  if (conditionId === undefined) {
    return { patient, record: undefined };
  }
  return {
    patient,
    record: {
      encounter: optionalId(c.encounter),
      conditionId,
      category: c.category?.[0]?.coding?.[0]?.code,
      at: recordTime(c.onsetDateTime ?? c.recordedDate),
      ended: c.abatementDateTime !== undefined,
    },
  };
}

const rxnormIngredients = (concept: z.infer<typeof ConceptSchema> | undefined, codes: KbCodes) => [
  ...new Set(
    (concept?.coding ?? [])
      .filter((c) => c.system === CODE_SYSTEMS.rxnorm && c.code !== undefined)
      .flatMap((c) => codes.ingredients(c.code ?? '')),
  ),
];

/** One record per KB ingredient of the prescribed drug (none when the KB lacks it). */
export function medicationRecordsOf(
  raw: unknown,
  codes: KbCodes,
): { patient: string; records: MedicationRecord[] } | undefined {
  const parsed = MedicationRequestSchema.safeParse(raw);
  if (!parsed.success) {
    return undefined;
  }
  const mr = parsed.data;
  const authored = recordTime(mr.authoredOn);
  const encounter = optionalId(mr.encounter);
  return {
    patient: referencedId(mr.subject),
    records: rxnormIngredients(mr.medicationCodeableConcept, codes).map((rxcui) => ({
      encounter,
      rxcui,
      status: mr.status,
      authored,
    })),
  };
}

/** An allergy's comparison key: the KB drug's ingredient RxCUI, else the normalised substance name. */
export function allergyKey(options: { rxcui?: string | undefined; name: string }): string {
  return options.rxcui === undefined
    ? `name:${normalizeSubstance(options.name)}`
    : `rxcui:${options.rxcui}`;
}

/** One record per KB ingredient of a drug allergy, else one by substance name. */
export function allergyRecordsOf(
  raw: unknown,
  codes: KbCodes,
): { patient: string; records: AllergyRecord[] } | undefined {
  const parsed = AllergyIntoleranceSchema.safeParse(raw);
  if (!parsed.success || parsed.data.code === undefined) {
    return undefined;
  }
  const a = parsed.data;
  const coding = a.code?.coding?.[0];
  const name = a.code?.text ?? coding?.display ?? coding?.code ?? '';
  const recorded = recordTime(a.recordedDate ?? a.onsetDateTime);
  const rxcuis = rxnormIngredients(a.code, codes);
  const keys =
    rxcuis.length > 0 ? rxcuis.map((rxcui) => allergyKey({ rxcui, name })) : [allergyKey({ name })];
  return { patient: referencedId(a.patient), records: keys.map((key) => ({ key, recorded })) };
}
