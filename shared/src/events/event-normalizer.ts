/**
 * The edge: a producer's visit (compact JSON or FHIR Bundle) or feedback → the one coded form.
 * Source ids are pseudonymised here and go no further; codes are resolved to knowledge-base ids
 * where the KB knows them, kept as codes (and counted as unresolved) where it does not.
 */
import type { z } from 'zod';
import { AppError, detailsFromZod, type ErrorDetail } from '../errors.js';
import type { EncounterId, PatientId } from '../ids.js';
import type { KnowledgeBase } from '../kb/index.js';
import { pseudonymizeEncounterId, pseudonymizePatientId, type PseudonymKey } from '../pseudonym.js';
import { SYSTEMS } from './codes.js';
import {
  CODED_EVENT_SCHEMA_VERSION,
  CodedFeedbackEventSchema,
  CodedVisitEventSchema,
  type CodedDiagnosis,
  type CodedFeedbackEvent,
  type CodedVisitEvent,
  type UnresolvedCode,
} from './coded-event.js';
import {
  FeedbackEventInputSchema,
  VisitEventInputSchema,
  type EncounterRef,
  type KbRef,
  type PatientRef,
} from './event-input.js';
import { fhirBundleToVisit } from './fhir-visit-bundle.js';

export type NormalizerKb = Pick<
  KnowledgeBase,
  | 'conditions'
  | 'condition'
  | 'conditionByIcd10'
  | 'finding'
  | 'findingByCode'
  | 'drugByRxcui'
  | 'test'
  | 'testByCode'
  | 'interactions'
  | 'preventiveServices'
>;

export interface EventNormalizerOptions {
  kb: NormalizerKb;
  /** Needed only to accept source ids; without it, only pseudonyms are accepted. */
  pseudonymKey?: PseudonymKey | undefined;
  clock?: () => Date;
  /** How far `occurredAt` may run ahead of this clock (default 5 minutes, the online store's limit). */
  maxFutureSkewMs?: number;
}

export interface EventNormalizer {
  /** A compact visit or a FHIR visit Bundle (told apart by `resourceType`). Throws VALIDATION_FAILED. */
  visit(body: unknown): CodedVisitEvent;
  /** A feedback event. Throws VALIDATION_FAILED. */
  feedback(body: unknown): CodedFeedbackEvent;
}

const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60_000;

function invalid(details: ErrorDetail[], message = 'Event failed validation'): AppError {
  return new AppError('VALIDATION_FAILED', message, { details });
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalid(detailsFromZod(parsed.error));
  }
  return parsed.data;
}

const sortedUnique = (items: Iterable<string>): string[] => [...new Set(items)].sort();

export function createEventNormalizer(options: EventNormalizerOptions): EventNormalizer {
  const { kb, pseudonymKey } = options;
  const clock = options.clock ?? (() => new Date());
  const maxFutureSkewMs = options.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
  const conditionBySnomed = new Map(
    kb.conditions.flatMap((c) => (c.snomed === undefined ? [] : [[c.snomed, c.id] as const])),
  );
  const interactionIds = new Set(kb.interactions.map((i) => i.id));
  const serviceIds = new Set(kb.preventiveServices.map((s) => s.id));

  const instant = (value: string, path: string, problems: ErrorDetail[]): string => {
    const ms = Date.parse(value);
    if (ms > clock().getTime() + maxFutureSkewMs) {
      problems.push({ path, issue: 'future_instant' });
    }
    return new Date(ms).toISOString();
  };

  const patientId = (ref: PatientRef, problems: ErrorDetail[]): PatientId => {
    if ('pseudonym' in ref) {
      return ref.pseudonym;
    }
    if (!pseudonymKey) {
      problems.push({ path: 'patient.sourceId', issue: 'source_ids_not_accepted' });
      return 'pt_' as PatientId;
    }
    return pseudonymizePatientId(ref.sourceId, pseudonymKey);
  };

  const encounterId = (ref: EncounterRef, problems: ErrorDetail[]): EncounterId => {
    if ('pseudonym' in ref) {
      return ref.pseudonym;
    }
    if (!pseudonymKey) {
      problems.push({ path: 'encounter.sourceId', issue: 'source_ids_not_accepted' });
      return 'en_' as EncounterId;
    }
    return pseudonymizeEncounterId(ref.sourceId, pseudonymKey);
  };

  /** KB ids must exist; codes resolve or are kept as unresolved. */
  const resolveRefs = (refs: {
    items: readonly KbRef[];
    path: string;
    field: 'finding' | 'test';
    problems: ErrorDetail[];
    unresolved: UnresolvedCode[];
  }): string[] =>
    refs.items.flatMap((ref, i) => {
      const finding = refs.field === 'finding';
      if (typeof ref === 'string') {
        if (finding ? kb.finding(ref) : kb.test(ref)) {
          return [ref];
        }
        refs.problems.push({ path: `${refs.path}.${String(i)}`, issue: 'unknown_kb_id' });
        return [];
      }
      const hit = finding
        ? kb.findingByCode(ref.system, ref.code)
        : kb.testByCode(ref.system, ref.code);
      if (hit) {
        return [hit.id];
      }
      refs.unresolved.push({ field: refs.field, system: ref.system, code: ref.code });
      return [];
    });

  const header = (
    input: { eventId: string; patient: PatientRef; encounter: EncounterRef; occurredAt: string },
    problems: ErrorDetail[],
  ) => ({
    schemaVersion: CODED_EVENT_SCHEMA_VERSION,
    eventId: input.eventId.toLowerCase(),
    patientId: patientId(input.patient, problems),
    encounterId: encounterId(input.encounter, problems),
    occurredAt: instant(input.occurredAt, 'occurredAt', problems),
  });

  const visitFrom = (body: unknown, carried: readonly UnresolvedCode[]): CodedVisitEvent => {
    const input = parseOrThrow(VisitEventInputSchema, body);
    const problems: ErrorDetail[] = [];
    const unresolved: UnresolvedCode[] = [...carried];
    const head = header(input, problems);
    const resolve = (items: readonly KbRef[], path: string, field: 'finding' | 'test') =>
      resolveRefs({ items, path, field, problems, unresolved });
    const present = sortedUnique(resolve(input.findings.present, 'findings.present', 'finding'));
    const absent = sortedUnique(
      resolve(input.findings.absent, 'findings.absent', 'finding').filter(
        (id) => !present.includes(id),
      ),
    );
    const diagnoses = input.diagnoses.map((d, i): CodedDiagnosis => {
      let conditionId: string | null = null;
      if (d.conditionId !== undefined) {
        if (kb.condition(d.conditionId)) {
          conditionId = d.conditionId;
        } else {
          problems.push({ path: `diagnoses.${String(i)}.conditionId`, issue: 'unknown_kb_id' });
        }
      } else {
        conditionId =
          (d.icd10 === undefined ? undefined : kb.conditionByIcd10(d.icd10)?.id) ??
          (d.snomed === undefined ? undefined : conditionBySnomed.get(d.snomed)) ??
          null;
      }
      return {
        conditionId,
        icd10: d.icd10 ?? null,
        snomed: d.snomed ?? null,
        category: d.category,
        verification: d.verification,
        clinicalStatus: d.clinicalStatus,
      };
    });
    const observations = input.observations
      .map((o, i) => ({
        loinc: o.loinc,
        value: o.value,
        unit: o.unit,
        at:
          o.at === undefined
            ? head.occurredAt
            : instant(o.at, `observations.${String(i)}.at`, problems),
      }))
      .sort(
        (a, b) => a.loinc.localeCompare(b.loinc) || a.at.localeCompare(b.at) || a.value - b.value,
      );
    const ingredient = (rxcui: string): string => {
      const drug = kb.drugByRxcui(rxcui);
      if (!drug) {
        unresolved.push({ field: 'medication', system: SYSTEMS.rxnorm, code: rxcui });
      }
      return drug?.rxcui ?? rxcui;
    };
    const started = sortedUnique(input.medications.started.map(ingredient));
    const stopped = sortedUnique(input.medications.stopped.map(ingredient));
    const tests = sortedUnique(resolve(input.tests, 'tests', 'test'));
    if (problems.length > 0) {
      throw invalid(problems);
    }
    const coded = {
      ...head,
      kind: 'visit' as const,
      findings: { present, absent },
      diagnoses: [...diagnoses].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      observations,
      medications: { started, stopped },
      tests,
      unresolved: [...unresolved].sort((a, b) =>
        `${a.field}|${a.system}|${a.code}`.localeCompare(`${b.field}|${b.system}|${b.code}`),
      ),
    };
    return parseOrThrow(CodedVisitEventSchema, coded);
  };

  return {
    visit(body) {
      const isBundle =
        typeof body === 'object' &&
        body !== null &&
        (body as Record<string, unknown>)['resourceType'] !== undefined;
      if (!isBundle) {
        return visitFrom(body, []);
      }
      const fhir = fhirBundleToVisit(body);
      return visitFrom(fhir.input, fhir.unresolved);
    },
    feedback(body) {
      const input = parseOrThrow(FeedbackEventInputSchema, body);
      const problems: ErrorDetail[] = [];
      const head = header(input, problems);
      const { feedback } = input;
      if (feedback.action === 'final-diagnosis') {
        const conditionId =
          feedback.conditionId ??
          (feedback.icd10 === null ? null : (kb.conditionByIcd10(feedback.icd10)?.id ?? null));
        if (feedback.conditionId !== null && !kb.condition(feedback.conditionId)) {
          problems.push({ path: 'feedback.conditionId', issue: 'unknown_kb_id' });
        }
        if (problems.length > 0) {
          throw invalid(problems);
        }
        return parseOrThrow(CodedFeedbackEventSchema, {
          ...head,
          kind: 'feedback',
          modelVersion: input.modelVersion,
          feedback: { ...feedback, conditionId },
        });
      }
      const { kind, id } = feedback.suggestion;
      const known =
        kind === 'condition'
          ? kb.condition(id) !== undefined
          : kind === 'test'
            ? kb.test(id) !== undefined
            : kind === 'interaction'
              ? interactionIds.has(id)
              : serviceIds.has(id);
      if (!known) {
        problems.push({ path: 'feedback.suggestion.id', issue: 'unknown_kb_id' });
      }
      if (problems.length > 0) {
        throw invalid(problems);
      }
      return parseOrThrow(CodedFeedbackEventSchema, {
        ...head,
        kind: 'feedback',
        modelVersion: input.modelVersion,
        feedback,
      });
    },
  };
}
