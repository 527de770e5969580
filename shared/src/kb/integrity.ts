/**
 * Referential integrity of the knowledge base: unique ids, every reference resolves, every source
 * named, and every condition code resolves to one condition (`condition-codes.ts`).
 */
import type { ErrorDetail } from '../errors.js';
import { indexConditionCodes } from './condition-codes.js';
import type { KbContent } from './kb-content.js';

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

export function checkIntegrity(kb: KbContent): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const report = (path: string, issue: string): void => {
    problems.push({ path, issue });
  };

  const known = {
    source: new Set(kb.sources.map((s) => s.id)),
    condition: new Set(kb.conditions.map((c) => c.id)),
    finding: new Set(kb.findings.map((f) => f.id)),
    'drug class': new Set(kb.drugClasses.map((c) => c.id)),
    drug: new Set(kb.drugs.map((d) => d.rxcui)),
    test: new Set(kb.tests.map((t) => t.id)),
  };
  const unique: [string, readonly string[]][] = [
    ['sources', kb.sources.map((s) => s.id)],
    ['conditions', kb.conditions.map((c) => c.id)],
    ['findings', kb.findings.map((f) => f.id)],
    ['drugClasses', kb.drugClasses.map((c) => c.id)],
    ['drugs', kb.drugs.map((d) => d.rxcui)],
    ['interactions', kb.interactions.map((i) => i.id)],
    ['tests', kb.tests.map((t) => t.id)],
    ['guidelineRules', kb.guidelineRules.map((r) => r.id)],
    ['preventiveServices', kb.preventiveServices.map((p) => p.id)],
    ['redFlags', kb.redFlags.map((r) => r.id)],
    ['associations', kb.associations.map((a) => `${a.condition}|${a.finding}`)],
  ];
  for (const [file, list] of unique) {
    for (const dup of duplicates(list)) {
      report(`${file}.${dup}`, 'duplicate id');
    }
  }

  const refs = (path: string, values: readonly string[], what: keyof typeof known): void => {
    for (const value of values) {
      if (!known[what].has(value)) {
        report(path, `unknown ${what} ${value}`);
      }
    }
  };
  const withSources: [string, { id?: string; sources: readonly string[] }[]][] = [
    ['conditions', [...kb.conditions]],
    ['findings', [...kb.findings]],
    [
      'associations',
      kb.associations.map((a) => ({ id: `${a.condition}|${a.finding}`, sources: a.sources })),
    ],
    ['redFlags', [...kb.redFlags]],
    ['drugClasses', [...kb.drugClasses]],
    ['drugs', kb.drugs.map((d) => ({ id: d.rxcui, sources: d.sources }))],
    ['interactions', [...kb.interactions]],
    ['treatments', kb.treatments.map((t) => ({ id: t.condition, sources: t.sources }))],
    ['tests', [...kb.tests]],
    ['guidelineRules', [...kb.guidelineRules]],
    ['preventiveServices', [...kb.preventiveServices]],
  ];
  for (const [file, list] of withSources) {
    list.forEach((entry, i) => {
      refs(`${file}.${entry.id ?? String(i)}.sources`, entry.sources, 'source');
    });
  }

  problems.push(...indexConditionCodes(kb.conditions).problems);
  for (const c of kb.conditions) {
    refs(
      `conditions.${c.id}.sharedCodes`,
      (c.sharedCodes ?? []).map((s) => s.resolvesTo),
      'condition',
    );
    refs(
      `conditions.${c.id}.riskFactors`,
      c.riskFactors.map((r) => r.condition),
      'condition',
    );
  }
  for (const a of kb.associations) {
    refs(`associations.${a.condition}|${a.finding}`, [a.condition], 'condition');
    refs(`associations.${a.condition}|${a.finding}`, [a.finding], 'finding');
  }
  for (const r of kb.redFlags) {
    refs(`redFlags.${r.id}.allFindings`, r.allFindings, 'finding');
    refs(`redFlags.${r.id}.consider`, r.consider, 'condition');
  }
  for (const f of kb.findings) {
    const bands = f.threshold?.byAge ?? [];
    bands.forEach((band, i) => {
      refs(`findings.${f.id}.threshold.byAge.${String(i)}`, band.sources, 'source');
      if (i > 0 && band.belowAgeYears <= (bands[i - 1]?.belowAgeYears ?? 0)) {
        report(
          `findings.${f.id}.threshold.byAge.${String(i)}`,
          'age bands must be in ascending order',
        );
      }
    });
  }
  // Every name a drug is known by → the drugs it names; a name must name one drug, except a
  // compound synonym (co-amoxiclav), which names each ingredient that lists it.
  const namedBy = new Map<string, Set<string>>();
  const addName = (name: string, rxcui: string): void => {
    const key = name.toLowerCase();
    namedBy.set(key, (namedBy.get(key) ?? new Set()).add(rxcui));
  };
  for (const d of kb.drugs) {
    [d.name, ...d.brands, ...(d.synonyms ?? []).map((s) => s.name)].forEach((n) => {
      addName(n, d.rxcui);
    });
  }
  for (const d of kb.drugs) {
    refs(`drugs.${d.rxcui}.classes`, d.classes, 'drug class');
    (d.synonyms ?? []).forEach((syn, i) => {
      const path = `drugs.${d.rxcui}.synonyms.${String(i)}`;
      refs(`${path}.sources`, syn.sources, 'source');
      const others = [...(namedBy.get(syn.name.toLowerCase()) ?? [])].filter((r) => r !== d.rxcui);
      if (syn.kind !== 'compound' && others.length > 0) {
        report(path, `"${syn.name}" also names drug ${others.join(', ')}`);
      }
    });
  }
  for (const i of kb.interactions) {
    for (const side of i.also ? [i.a, i.b, i.also] : [i.a, i.b]) {
      refs(`interactions.${i.id}`, side.rxcuis, 'drug');
      refs(`interactions.${i.id}`, side.classes, 'drug class');
    }
  }
  for (const t of kb.treatments) {
    refs(`treatments.${t.condition}`, [t.condition], 'condition');
    refs(`treatments.${t.condition}`, t.drugs, 'drug');
  }
  for (const r of kb.guidelineRules) {
    refs(`guidelineRules.${r.id}.when`, r.when.anyConditions, 'condition');
    refs(`guidelineRules.${r.id}.when`, r.when.anyFindings, 'finding');
    refs(`guidelineRules.${r.id}.recommend`, r.recommend, 'test');
  }
  for (const p of kb.preventiveServices) {
    const pop = p.population;
    refs(
      `preventiveServices.${p.id}.population`,
      [...pop.anyConditions, ...pop.excludeConditions],
      'condition',
    );
    refs(`preventiveServices.${p.id}.population`, pop.anyFindings, 'finding');
    refs(`preventiveServices.${p.id}.satisfiedBy`, p.satisfiedBy, 'test');
    for (const test of Object.keys(p.testIntervalMonths)) {
      if (!p.satisfiedBy.includes(test)) {
        report(`preventiveServices.${p.id}.testIntervalMonths`, `${test} is not in satisfiedBy`);
      }
    }
  }
  return problems;
}
