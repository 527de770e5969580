/** The validated, indexed knowledge base. Build it once in a composition root and pass it down. */
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors.js';
import { indexConditionCodes } from './condition-codes.js';
import { checkIntegrity } from './integrity.js';
import type { KbContent } from './kb-content.js';
import { shippedKbFiles, type KbFiles } from './kb-files.js';
import {
  AssociationSchema,
  ConditionSchema,
  DrugClassSchema,
  DrugSchema,
  FindingSchema,
  GuidelineRuleSchema,
  InteractionSchema,
  KbManifestSchema,
  PreventiveServiceSchema,
  RedFlagRuleSchema,
  SourceSchema,
  TestSchema,
  TreatmentSchema,
  type Association,
  type Condition,
  type Drug,
  type DrugClass,
  type Finding,
  type Source,
  type Test,
  type Treatment,
} from './schema.js';

export interface KnowledgeBase extends KbContent {
  /** The content version; every result that depends on the KB carries it. */
  readonly version: string;
  source(id: string): Source | undefined;
  condition(id: string): Condition | undefined;
  /** Exact ICD-10-CM code (with dot), else its nearest listed ancestor (`J45.901` → `J45.9`). */
  conditionByIcd10(code: string): Condition | undefined;
  /** The condition a SNOMED CT concept id resolves to (one condition per code, or its `sharedCodes` rule). */
  conditionBySnomed(code: string): Condition | undefined;
  finding(id: string): Finding | undefined;
  findingByCode(system: string, code: string): Finding | undefined;
  associationsOf(conditionId: string): readonly Association[];
  treatmentsOf(conditionId: string): readonly Treatment[];
  drugClass(id: string): DrugClass | undefined;
  /** By ingredient RxCUI or any related RxCUI (clinical drug, branded drug). */
  drugByRxcui(rxcui: string): Drug | undefined;
  /**
   * By ingredient, brand or synonym name (paracetamol, co-amoxiclav), case-insensitive. A compound
   * name gives its first ingredient; the text extractor and the interaction checker give them all.
   */
  drugByName(name: string): Drug | undefined;
  test(id: string): Test | undefined;
  testByCode(system: string, code: string): Test | undefined;
}

const KbContentSchema = z.object({
  manifest: KbManifestSchema,
  sources: z.array(SourceSchema),
  conditions: z.array(ConditionSchema),
  findings: z.array(FindingSchema),
  associations: z.array(AssociationSchema),
  redFlags: z.array(RedFlagRuleSchema),
  drugClasses: z.array(DrugClassSchema),
  drugs: z.array(DrugSchema),
  interactions: z.array(InteractionSchema),
  treatments: z.array(TreatmentSchema),
  tests: z.array(TestSchema),
  guidelineRules: z.array(GuidelineRuleSchema),
  preventiveServices: z.array(PreventiveServiceSchema),
});

function indexBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    for (const key of keys(item)) {
      if (!index.has(key)) {
        index.set(key, item);
      }
    }
  }
  return index;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) {
      group.push(item);
    } else {
      groups.set(key(item), [item]);
    }
  }
  return groups;
}

/** Validates raw files (schema, then referential integrity) and indexes them. Throws KB_INVALID. */
export function buildKnowledgeBase(files: KbFiles): KnowledgeBase {
  const parsed = KbContentSchema.safeParse(files);
  if (!parsed.success) {
    const details: ErrorDetail[] = parsed.error.issues.slice(0, 50).map((issue) => ({
      path: issue.path.map(String).join('.'),
      issue: issue.message,
    }));
    throw new AppError(
      'KB_INVALID',
      `Knowledge base failed validation (${String(parsed.error.issues.length)} issues)`,
      { details },
    );
  }
  const content = parsed.data;
  const problems = checkIntegrity(content);
  if (problems.length > 0) {
    throw new AppError(
      'KB_INVALID',
      `Knowledge base failed integrity checks (${String(problems.length)} problems)`,
      {
        details: problems.slice(0, 50),
      },
    );
  }

  const sources = indexBy(content.sources, (s) => [s.id]);
  const conditions = indexBy(content.conditions, (c) => [c.id]);
  const conditionCodes = indexConditionCodes(content.conditions);
  const conditionsByIcd = conditionCodes.icd10;
  const findings = indexBy(content.findings, (f) => [f.id]);
  const findingsByCode = indexBy(content.findings, (f) => [`${f.code.system}|${f.code.code}`]);
  const associationsByCondition = groupBy(content.associations, (a) => a.condition);
  const treatmentsByCondition = groupBy(content.treatments, (t) => t.condition);
  const drugClasses = indexBy(content.drugClasses, (c) => [c.id]);
  const drugsByRxcui = indexBy(content.drugs, (d) => [d.rxcui, ...d.relatedRxcuis]);
  const drugsByName = indexBy(content.drugs, (d) => [
    d.name.toLowerCase(),
    ...d.brands.map((b) => b.toLowerCase()),
    ...(d.synonyms ?? []).map((s) => s.name.toLowerCase()),
  ]);
  const tests = indexBy(content.tests, (t) => [t.id]);
  const testsByCode = indexBy(content.tests, (t) => t.codes.map((c) => `${c.system}|${c.code}`));

  return {
    ...content,
    version: content.manifest.version,
    source: (id) => sources.get(id),
    condition: (id) => conditions.get(id),
    conditionByIcd10(code) {
      for (
        let candidate = code.toUpperCase();
        candidate.length >= 3;
        candidate = candidate.slice(0, -1)
      ) {
        const hit = conditionsByIcd.get(
          candidate.endsWith('.') ? candidate.slice(0, -1) : candidate,
        );
        if (hit) {
          return hit;
        }
      }
      return undefined;
    },
    conditionBySnomed: (code) => conditionCodes.snomed.get(code),
    finding: (id) => findings.get(id),
    findingByCode: (system, code) => findingsByCode.get(`${system}|${code}`),
    associationsOf: (conditionId) => associationsByCondition.get(conditionId) ?? [],
    treatmentsOf: (conditionId) => treatmentsByCondition.get(conditionId) ?? [],
    drugClass: (id) => drugClasses.get(id),
    drugByRxcui: (rxcui) => drugsByRxcui.get(rxcui),
    drugByName: (name) => drugsByName.get(name.trim().toLowerCase()),
    test: (id) => tests.get(id),
    testByCode: (system, code) => testsByCode.get(`${system}|${code}`),
  };
}

/** The knowledge base shipped with this package. */
export function loadKnowledgeBase(): KnowledgeBase {
  return buildKnowledgeBase(shippedKbFiles);
}

export type { KbContent } from './kb-content.js';
