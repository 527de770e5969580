/**
 * Merges the curated tables with what the reference datasets support and checks the result:
 * curated likelihoods win; Columbia adds ranked pairs for acute conditions the curated tables lack
 * and corroborates the rest; HSDN only adds its citation to pairs it also links. Pure: no I/O.
 */
import { checkCodes, resolveFindingCode, type CodeLedger } from './code-checks.js';
import { COLUMBIA_DISEASES, COLUMBIA_EXCLUDED_PAIRS } from './curated/columbia-map.js';
import { HSDN_DISEASES } from './curated/hsdn-map.js';
import type { CuratedKb } from './curated/index.js';
import type { BandRates, CuratedFinding } from './curated/types.js';
import { columbiaLikelihood } from './likelihood.js';
import type { ColumbiaRow, HsdnLink, Icd10Code } from './reference-files.js';

const AGE_BANDS = ['0-4', '5-17', '18-39', '40-64', '65+'] as const;
const MIN_ASSOCIATIONS = 6;

export interface DeriveInput {
  curated: CuratedKb;
  columbia: readonly ColumbiaRow[];
  hsdn: readonly HsdnLink[];
  icd10: ReadonlyMap<string, Icd10Code>;
  /** Verified finding codes, reasons for local ones, checked condition codes. */
  codes: CodeLedger;
}

export interface DerivedAssociation {
  condition: string;
  finding: string;
  likelihood: number;
  sources: string[];
}

export interface DeriveResult {
  files: {
    sources: unknown[];
    conditions: unknown[];
    findings: unknown[];
    associations: DerivedAssociation[];
    redFlags: unknown[];
  };
  /** Errors that make the output unusable. */
  problems: string[];
  /** Facts for the person running the derivation (counts, non-billable codes…). */
  notes: string[];
}

const bands = (r: BandRates): Record<string, number> =>
  Object.fromEntries(AGE_BANDS.map((b, i) => [b, r[i] ?? 0]));

const withDot = (code: string): string => code.replace('.', '');

function findingJson(f: CuratedFinding, codes: CodeLedger): Record<string, unknown> {
  const code = resolveFindingCode(f, codes);
  // A code taken from the ledger is SNOMED CT: cite it.
  const sources =
    f.id in codes.findingCodes && !f.sources.includes('snomed-ct')
      ? [...f.sources, 'snomed-ct']
      : f.sources;
  return {
    id: f.id,
    display: f.display,
    code,
    kind: f.kind,
    bodySystem: f.system,
    synonyms: f.syn ?? [],
    layTerms: f.lay ?? [],
    baseRate: f.base,
    redFlag: f.redFlag ?? false,
    ...(f.threshold ? { threshold: f.threshold } : {}),
    sources,
  };
}

export function deriveDiagnosisKb(input: DeriveInput): DeriveResult {
  const { curated } = input;
  const problems: string[] = [];
  const notes: string[] = [];
  const findingIds = new Set(curated.findings.map((f) => f.id));
  const conditionIds = new Set(curated.conditions.map((c) => c.id));
  const sourceIds = new Set(curated.sources.map((s) => s.id));
  const findingById = new Map(curated.findings.map((f) => [f.id, f]));

  // Columbia and HSDN evidence, as `condition|finding` keys.
  const cuiToFinding = new Map<string, string>();
  for (const f of curated.findings) {
    for (const c of f.cuis ?? []) {
      if (cuiToFinding.has(c)) {
        problems.push(`CUI ${c} maps to both ${cuiToFinding.get(c) ?? ''} and ${f.id}`);
      }
      cuiToFinding.set(c, f.id);
    }
  }
  const columbia = new Map<string, number>();
  for (const row of input.columbia) {
    const condition = COLUMBIA_DISEASES[row.diseaseCuis[0] ?? ''];
    const finding = row.symptomCuis.map((c) => cuiToFinding.get(c)).find((f) => f !== undefined);
    if (condition && finding) {
      const key = `${condition}|${finding}`;
      columbia.set(key, Math.max(columbia.get(key) ?? 0, columbiaLikelihood(row.symptomRank)));
    }
  }
  const meshToFinding = new Map<string, string>();
  for (const f of curated.findings) {
    for (const m of f.mesh ?? []) {
      meshToFinding.set(m, f.id);
    }
  }
  const hsdn = new Set<string>();
  for (const link of input.hsdn) {
    const condition = HSDN_DISEASES[link.disease];
    const finding = meshToFinding.get(link.symptom);
    if (condition && finding) {
      hsdn.add(`${condition}|${finding}`);
    }
  }

  const associations: DerivedAssociation[] = [];
  let columbiaAdded = 0;
  let corroborated = 0;
  for (const c of curated.conditions) {
    for (const [finding, likelihood] of Object.entries(c.findings)) {
      const key = `${c.id}|${finding}`;
      const extra = [columbia.has(key) ? 'columbia-dskb' : '', hsdn.has(key) ? 'hsdn' : ''].filter(
        Boolean,
      );
      corroborated += extra.length > 0 ? 1 : 0;
      associations.push({
        condition: c.id,
        finding,
        likelihood,
        sources: [...new Set([...c.evidence, ...extra])],
      });
    }
    if (c.course === 'chronic') {
      continue;
    }
    for (const [key, likelihood] of columbia) {
      const [condition, finding] = key.split('|') as [string, string];
      const base = findingById.get(finding)?.base ?? 1;
      if (
        condition === c.id &&
        !(finding in c.findings) &&
        !COLUMBIA_EXCLUDED_PAIRS.has(key) &&
        likelihood > base
      ) {
        columbiaAdded += 1;
        const sources = hsdn.has(key) ? ['columbia-dskb', 'hsdn'] : ['columbia-dskb'];
        associations.push({ condition: c.id, finding, likelihood, sources });
      }
    }
  }
  notes.push(
    `${String(associations.length)} associations: ${String(columbiaAdded)} added from Columbia ranks, ${String(corroborated)} curated pairs corroborated by Columbia or HSDN`,
  );

  // Referential and content checks.
  const checkSources = (where: string, ids: readonly string[]): void => {
    for (const id of ids) {
      if (!sourceIds.has(id)) {
        problems.push(`${where}: unknown source ${id}`);
      }
    }
  };
  for (const a of associations) {
    if (!findingIds.has(a.finding)) {
      problems.push(`association ${a.condition}|${a.finding}: unknown finding`);
    }
    if (!(a.likelihood > 0 && a.likelihood < 1)) {
      problems.push(
        `association ${a.condition}|${a.finding}: likelihood ${String(a.likelihood)} not in (0,1)`,
      );
    }
    checkSources(`association ${a.condition}|${a.finding}`, a.sources);
  }
  const synonymOwner = new Map<string, string>();
  for (const f of curated.findings) {
    checkSources(`finding ${f.id}`, f.sources);
    for (const s of [...(f.syn ?? []), ...(f.lay ?? [])]) {
      if (s !== s.toLowerCase()) {
        problems.push(`finding ${f.id}: synonym "${s}" is not lower case`);
      }
      const owner = synonymOwner.get(s);
      if (owner !== undefined && owner !== f.id) {
        problems.push(`synonym "${s}" maps to both ${owner} and ${f.id}`);
      }
      synonymOwner.set(s, f.id);
    }
  }
  const perCondition = new Map<string, number>();
  for (const a of associations) {
    perCondition.set(a.condition, (perCondition.get(a.condition) ?? 0) + 1);
  }
  for (const c of curated.conditions) {
    checkSources(`condition ${c.id}`, [...c.sources, ...c.evidence]);
    for (const code of c.icd10) {
      const entry = input.icd10.get(withDot(code));
      if (!entry) {
        problems.push(`condition ${c.id}: ICD-10-CM ${code} not in FY2021`);
      } else if (!entry.billable) {
        notes.push(`condition ${c.id}: ICD-10-CM ${code} is a category, not billable`);
      }
    }
    for (const rf of Object.keys(c.risk ?? {})) {
      if (!conditionIds.has(rf)) {
        problems.push(`condition ${c.id}: unknown risk factor ${rf}`);
      }
    }
    for (const s of c.syn) {
      if (s !== s.toLowerCase()) {
        problems.push(`condition ${c.id}: synonym "${s}" is not lower case`);
      }
    }
    if ((perCondition.get(c.id) ?? 0) < MIN_ASSOCIATIONS) {
      problems.push(`condition ${c.id}: only ${String(perCondition.get(c.id) ?? 0)} associations`);
    }
  }
  for (const r of curated.redFlags) {
    checkSources(`red flag ${r.id}`, r.sources);
    for (const f of r.allFindings) {
      if (!findingIds.has(f)) {
        problems.push(`red flag ${r.id}: unknown finding ${f}`);
      }
    }
    for (const c of r.consider) {
      if (!conditionIds.has(c)) {
        problems.push(`red flag ${r.id}: unknown condition ${c}`);
      }
    }
  }

  const codeCheck = checkCodes({
    findings: curated.findings,
    conditions: curated.conditions,
    ledger: input.codes,
    columbiaCuis: new Set(input.columbia.flatMap((row) => row.symptomCuis)),
  });
  problems.push(...codeCheck.problems);
  notes.push(...codeCheck.notes);

  return {
    files: {
      sources: curated.sources,
      conditions: curated.conditions.map((c) => ({
        id: c.id,
        display: c.display,
        synonyms: c.syn,
        icd10: c.icd10,
        ...(c.snomed ? { snomed: c.snomed } : {}),
        ...(c.sharedCodes ? { sharedCodes: c.sharedCodes } : {}),
        course: c.course,
        bodySystem: c.system,
        urgency: c.urgency,
        cantMiss: c.cantMiss,
        prior: { female: bands(c.prior.female), male: bands(c.prior.male) },
        riskFactors: Object.entries(c.risk ?? {}).map(([condition, oddsRatio]) => ({
          condition,
          oddsRatio,
        })),
        sources: c.sources,
      })),
      findings: curated.findings.map((f) => findingJson(f, input.codes)),
      associations,
      redFlags: curated.redFlags.map((r) => ({
        id: r.id,
        allFindings: r.allFindings,
        ...(r.minAge === undefined ? {} : { minAge: r.minAge }),
        ...(r.maxAge === undefined ? {} : { maxAge: r.maxAge }),
        escalateTo: r.escalateTo,
        consider: r.consider,
        advice: r.advice,
        sources: r.sources,
      })),
    },
    problems,
    notes,
  };
}
