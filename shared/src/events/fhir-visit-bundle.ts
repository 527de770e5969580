/**
 * A visit as a FHIR R4 Bundle (docs/specs/fhir-profile.md) → the compact visit input. Only coded
 * elements are read: display strings, note text, dosage text and narratives are never copied, and
 * resources the profile does not use (DocumentReference, Patient details…) are skipped.
 */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors.js';
import {
  Icd10CodeSchema,
  LoincCodeSchema,
  RxcuiSchema,
  SnomedCodeSchema,
  SYSTEMS,
  type CodingRef,
} from './codes.js';
import {
  anyCode,
  codeIn,
  codings,
  ConditionSchema,
  EncounterSchema,
  icd10WithDot,
  ImmunizationSchema,
  MedicationRequestSchema,
  NEVER_HAPPENED,
  ObservationSchema,
  ProcedureSchema,
  referenceId,
  ucum,
  type CodeableConcept,
  type Quantity,
} from './fhir-elements.js';
import type { UnresolvedCode } from './coded-event.js';
import type { DiagnosisInput, VisitEventInput } from './event-input.js';

/** The bundle envelope; each entry's resource is checked by its own schema in `fhirBundleToVisit`. */
export const FhirVisitBundleSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.string().min(1),
    /** `urn:uuid:<uuid>` (or a bare UUID): the event id, so a re-sent bundle is recognised. */
    identifier: z.looseObject({ value: z.string().min(1).max(128) }),
    entry: z
      .array(
        z.looseObject({
          fullUrl: z.string().max(256).optional(),
          resource: z.looseObject({ resourceType: z.string().min(1).max(64) }),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ id: 'FhirVisitBundle' });
export type FhirVisitBundle = z.infer<typeof FhirVisitBundleSchema>;

export interface FhirVisit {
  /** The compact input, with the patient and encounter as source ids (pseudonymised next). */
  readonly input: VisitEventInput;
  /** Codes the bundle carried that the compact form cannot hold (no usable system or format). */
  readonly unresolved: readonly UnresolvedCode[];
}

function failure(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', 'FHIR bundle failed validation', { details });
}

function parseAt<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw failure(
      parsed.error.issues.map((issue) => ({
        path: [path, ...issue.path.map(String)].join('.'),
        issue: issue.code,
      })),
    );
  }
  return parsed.data;
}

/** Maps a visit bundle to the compact input. Throws VALIDATION_FAILED with paths into the bundle. */
export function fhirBundleToVisit(body: unknown): FhirVisit {
  const bundle = parseAt(FhirVisitBundleSchema, body, '(root)');
  const eventId = bundle.identifier.value.replace(/^urn:uuid:/, '');
  const encounters = bundle.entry.flatMap((e, i) =>
    e.resource.resourceType === 'Encounter' ? [{ e, i }] : [],
  );
  if (encounters.length !== 1) {
    throw failure([{ path: 'entry', issue: 'expected_exactly_one_encounter' }]);
  }
  const [only] = encounters as [(typeof encounters)[number]];
  const encounter = parseAt(EncounterSchema, only.e.resource, `entry.${String(only.i)}.resource`);
  const patientSourceId = referenceId(encounter.subject.reference);
  const encounterSourceId = encounter.id ?? only.e.fullUrl?.replace(/^urn:uuid:/, '');
  if (patientSourceId === undefined || encounterSourceId === undefined) {
    throw failure([
      {
        path: `entry.${String(only.i)}.resource.${patientSourceId === undefined ? 'subject' : 'id'}`,
        issue: 'unresolvable_reference',
      },
    ]);
  }

  const present: CodingRef[] = [];
  const absent: CodingRef[] = [];
  const observations: NonNullable<VisitEventInput['observations']> = [];
  const diagnoses: DiagnosisInput[] = [];
  const started: string[] = [];
  const stopped: string[] = [];
  const tests: CodingRef[] = [];
  const unresolved: UnresolvedCode[] = [];
  const keepUnresolved = (field: UnresolvedCode['field'], concept: CodeableConcept | undefined) => {
    const first = codings(concept)[0];
    if (first) {
      unresolved.push({ field, ...first });
    }
  };
  const addQuantity = (concept: CodeableConcept, quantity: Quantity | undefined, at?: string) => {
    const loinc = codeIn(concept, SYSTEMS.loinc);
    const unit = quantity ? ucum(quantity) : undefined;
    if (!LoincCodeSchema.safeParse(loinc).success || unit === undefined || !quantity) {
      keepUnresolved('observation', concept);
      return;
    }
    if (typeof quantity.value === 'number' && Number.isFinite(quantity.value)) {
      observations.push({
        loinc: loinc as string,
        value: quantity.value,
        unit,
        ...(at ? { at } : {}),
      });
    }
  };

  bundle.entry.forEach(({ resource }, i) => {
    const path = `entry.${String(i)}.resource`;
    switch (resource.resourceType) {
      case 'Observation': {
        const obs = parseAt(ObservationSchema, resource, path);
        if (obs.status !== undefined && NEVER_HAPPENED.has(obs.status)) {
          return;
        }
        if (obs.valueBoolean !== undefined) {
          const code = codings(obs.code);
          (obs.valueBoolean ? present : absent).push(...code.slice(0, 1));
        } else if (obs.component && obs.component.length > 0) {
          for (const part of obs.component) {
            addQuantity(part.code, part.valueQuantity, obs.effectiveDateTime);
          }
        } else if (obs.valueQuantity) {
          addQuantity(obs.code, obs.valueQuantity, obs.effectiveDateTime);
        } else if (obs.valueCodeableConcept) {
          present.push(...codings(obs.valueCodeableConcept).slice(0, 1));
        }
        return;
      }
      case 'Condition': {
        const condition = parseAt(ConditionSchema, resource, path);
        const verification = anyCode(condition.verificationStatus) ?? 'confirmed';
        if (verification === 'refuted' || verification === 'entered-in-error') {
          return;
        }
        const icd = codeIn(condition.code, SYSTEMS.icd10cm);
        const icd10 = icd === undefined ? undefined : icd10WithDot(icd);
        const snomed = codeIn(condition.code, SYSTEMS.snomed);
        const diagnosis: DiagnosisInput = {
          category: condition.category?.some((c) => anyCode(c) === 'problem-list-item')
            ? 'problem-list-item'
            : 'encounter-diagnosis',
          verification: verification === 'confirmed' ? 'confirmed' : 'provisional',
          clinicalStatus: ['inactive', 'remission', 'resolved'].includes(
            anyCode(condition.clinicalStatus) ?? 'active',
          )
            ? 'resolved'
            : 'active',
          ...(Icd10CodeSchema.safeParse(icd10).success ? { icd10 } : {}),
          ...(SnomedCodeSchema.safeParse(snomed).success ? { snomed } : {}),
        };
        if (diagnosis.icd10 === undefined && diagnosis.snomed === undefined) {
          keepUnresolved('diagnosis', condition.code);
        } else {
          diagnoses.push(diagnosis);
        }
        return;
      }
      case 'MedicationRequest': {
        const request = parseAt(MedicationRequestSchema, resource, path);
        const rxcui = codeIn(request.medicationCodeableConcept, SYSTEMS.rxnorm);
        const target =
          request.status === 'active'
            ? started
            : ['stopped', 'completed', 'cancelled'].includes(request.status)
              ? stopped
              : undefined;
        if (!target) {
          return;
        }
        if (RxcuiSchema.safeParse(rxcui).success) {
          target.push(rxcui as string);
        } else {
          keepUnresolved('medication', request.medicationCodeableConcept);
        }
        return;
      }
      case 'Procedure': {
        const procedure = parseAt(ProcedureSchema, resource, path);
        if (procedure.status === undefined || procedure.status === 'completed') {
          tests.push(...codings(procedure.code).slice(0, 1));
        }
        return;
      }
      case 'Immunization': {
        const immunization = parseAt(ImmunizationSchema, resource, path);
        if (immunization.status === undefined || immunization.status === 'completed') {
          tests.push(...codings(immunization.vaccineCode).slice(0, 1));
        }
        return;
      }
      default:
        return;
    }
  });

  return {
    input: {
      eventId,
      patient: { sourceId: patientSourceId },
      encounter: { sourceId: encounterSourceId },
      occurredAt: encounter.period.start,
      findings: { present, absent },
      diagnoses,
      observations,
      medications: { started, stopped },
      tests,
    },
    unresolved,
  };
}
