/**
 * Resolves a concept's codings (SNOMED, ICD-10-CM, LOINC, RxNorm, CVX, CPT, UMLS) to knowledge-base
 * ids with the KB's own lookups. Ingest calls it once per distinct coding list, never per row.
 */
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import { ICD10_WHO, canonicalSystem, isCodeShaped, normalizeIcd10 } from './code-systems.js';

/**
 * What a concept is resolved as: a diagnosis, a finding (reason for visit, coded observation value),
 * an observation code, a drug, a test (procedure, vaccine), or `plain` (kept, never mapped).
 */
export type ConceptKind = 'condition' | 'finding' | 'observation' | 'medication' | 'test' | 'plain';

export interface RawCoding {
  readonly system: string | null;
  readonly code: string | null;
}

export interface ResolvedConcept {
  /** False when no coding has a URI system and a code-shaped code: nothing usable to keep. */
  readonly valid: boolean;
  /** The primary coding (canonical system): the first mapped coding, else the preferred system's. */
  readonly system: string | null;
  readonly code: string | null;
  /** Resolved to something the KB knows. */
  readonly mapped: boolean;
  readonly conditionId: string | null;
  readonly findingId: string | null;
  readonly testId: string | null;
  readonly ingredientRxcui: string | null;
  readonly icd10: string | null;
  readonly snomed: string | null;
  readonly loinc: string | null;
}

export interface CodeResolver {
  resolve(kind: ConceptKind, codings: readonly RawCoding[]): ResolvedConcept;
}

/** LOINC 72166-2 (tobacco smoking status) is known: its answers map through SMOKING_STATUS. */
export const TOBACCO_SMOKING_STATUS_LOINC = '72166-2';

/**
 * US Core Smoking Status value set (SNOMED CT answers to LOINC 72166-2, ONC 2015 Edition
 * certification criteria) → the KB history finding they record. Never-smoked and unknown record none.
 */
export const SMOKING_STATUS: Readonly<Record<string, string>> = {
  '449868002': 'current-smoker',
  '428041000124106': 'current-smoker',
  '77176002': 'current-smoker',
  '428071000124103': 'current-smoker',
  '428061000124105': 'current-smoker',
  '8517006': 'ex-smoker',
};

const PREFERRED_SYSTEMS: Readonly<Record<ConceptKind, readonly string[]>> = {
  condition: [CODE_SYSTEMS.icd10cm, ICD10_WHO, CODE_SYSTEMS.snomed],
  finding: [CODE_SYSTEMS.snomed, CODE_SYSTEMS.umls, CODE_SYSTEMS.mediassist, CODE_SYSTEMS.icd10cm],
  observation: [
    CODE_SYSTEMS.loinc,
    CODE_SYSTEMS.snomed,
    CODE_SYSTEMS.umls,
    CODE_SYSTEMS.mediassist,
  ],
  medication: [CODE_SYSTEMS.rxnorm],
  test: [CODE_SYSTEMS.cvx, CODE_SYSTEMS.cpt, CODE_SYSTEMS.loinc, CODE_SYSTEMS.snomed],
  plain: [],
};

interface Coding {
  readonly system: string;
  readonly code: string;
}

interface Lookups {
  conditionId: string | null;
  findingId: string | null;
  testId: string | null;
  ingredientRxcui: string | null;
  known: boolean;
}

const isIcd10System = (system: string): boolean =>
  system === CODE_SYSTEMS.icd10cm || system === ICD10_WHO;

export function createCodeResolver(kb: KnowledgeBase): CodeResolver {
  const knownLoincs = new Set<string>([TOBACCO_SMOKING_STATUS_LOINC]);
  for (const finding of kb.findings) {
    if (finding.threshold) {
      knownLoincs.add(finding.threshold.loinc);
    }
  }
  const smokingFinding = (code: string): string | null => {
    const id = SMOKING_STATUS[code];
    return id !== undefined && kb.finding(id) ? id : null;
  };

  const conditionOf = (c: Coding): string | null => {
    if (isIcd10System(c.system)) {
      const icd = normalizeIcd10(c.code);
      return icd === undefined ? null : (kb.conditionByIcd10(icd)?.id ?? null);
    }
    return c.system === CODE_SYSTEMS.snomed ? (kb.conditionBySnomed(c.code)?.id ?? null) : null;
  };

  const lookup = (kind: ConceptKind, c: Coding): Lookups => {
    const none: Lookups = {
      conditionId: null,
      findingId: null,
      testId: null,
      ingredientRxcui: null,
      known: false,
    };
    switch (kind) {
      case 'condition': {
        const conditionId = conditionOf(c);
        return { ...none, conditionId, known: conditionId !== null };
      }
      case 'finding': {
        const findingId =
          kb.findingByCode(c.system, c.code)?.id ??
          (c.system === CODE_SYSTEMS.snomed ? smokingFinding(c.code) : null);
        const conditionId = conditionOf(c);
        return {
          ...none,
          findingId,
          conditionId,
          known: findingId !== null || conditionId !== null,
        };
      }
      case 'observation': {
        const findingId = kb.findingByCode(c.system, c.code)?.id ?? null;
        const testId = kb.testByCode(c.system, c.code)?.id ?? null;
        const knownLoinc = c.system === CODE_SYSTEMS.loinc && knownLoincs.has(c.code);
        return {
          ...none,
          findingId,
          testId,
          known: findingId !== null || testId !== null || knownLoinc,
        };
      }
      case 'medication': {
        const drug = c.system === CODE_SYSTEMS.rxnorm ? kb.drugByRxcui(c.code) : undefined;
        return { ...none, ingredientRxcui: drug?.rxcui ?? null, known: drug !== undefined };
      }
      case 'test': {
        const testId = kb.testByCode(c.system, c.code)?.id ?? null;
        return { ...none, testId, known: testId !== null };
      }
      case 'plain':
        return none;
      default:
        return kind satisfies never;
    }
  };

  return {
    resolve(kind, raw) {
      const codings: Coding[] = [];
      for (const r of raw) {
        const system = canonicalSystem(r.system);
        const code = r.code?.trim();
        if (system !== undefined && isCodeShaped(code)) {
          codings.push({
            system,
            code: isIcd10System(system) ? (normalizeIcd10(code) ?? code) : code,
          });
        }
      }
      const preference = PREFERRED_SYSTEMS[kind];
      const rank = (c: Coding): number => {
        const i = preference.indexOf(c.system);
        return i < 0 ? preference.length : i;
      };
      const ordered = codings
        .map((c, i) => ({ c, i }))
        .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
        .map(({ c }) => c);
      const found = ordered.map((c) => ({ c, l: lookup(kind, c) }));
      const firstOf = (key: Exclude<keyof Lookups, 'known'>): string | null =>
        found.find((f) => f.l[key] !== null)?.l[key] ?? null;
      const primary = found.find((f) => f.l.known)?.c ?? ordered[0];
      const icd = ordered.find((c) => isIcd10System(c.system));
      return {
        valid: primary !== undefined,
        system: primary?.system ?? null,
        code: primary?.code ?? null,
        mapped: found.some((f) => f.l.known),
        conditionId: firstOf('conditionId'),
        findingId: firstOf('findingId'),
        testId: firstOf('testId'),
        ingredientRxcui: firstOf('ingredientRxcui'),
        icd10: icd === undefined ? null : (normalizeIcd10(icd.code) ?? null),
        snomed: ordered.find((c) => c.system === CODE_SYSTEMS.snomed)?.code ?? null,
        loinc: ordered.find((c) => c.system === CODE_SYSTEMS.loinc)?.code ?? null,
      };
    },
  };
}
