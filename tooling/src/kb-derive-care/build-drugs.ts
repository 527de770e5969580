/**
 * Builds drugs.json entries: curated catalog + RxNorm codes and brands + Synthea's codes + the
 * international names table's synonyms.
 */
import type { CatalogClass, CatalogDrug } from './drug-catalog.js';
import { synonymsByDrug, type DrugSynonymEntry, type SynonymRow } from './drug-synonyms.js';
import type { RxnormIndex } from './rxnorm-index.js';
import {
  drugsNamedIn,
  mapSyntheaMedications,
  type CodedMedication,
  type NameIndexEntry,
} from './synthea-medications.js';

export interface DrugEntry {
  rxcui: string;
  name: string;
  classes: string[];
  brands: string[];
  /** Only when the drug has some (the KB's default is none). */
  synonyms?: DrugSynonymEntry[];
  relatedRxcuis: string[];
  typicalDose: string;
  sources: string[];
}

export interface DrugBuildReport {
  curatedRxcuis: { name: string; rxcui: string }[];
  unresolvedSynthea: CodedMedication[];
  /** Synthea codes whose display names a different drug than RxNorm resolves them to. */
  syntheaConflicts: { code: string; display: string; rxnorm: string[]; displayNames: string[] }[];
}

const CLASS_SOURCES: Readonly<Record<string, string>> = {
  'qt-prolonging': 'crediblemeds-qt',
  serotonergic: 'boyer-shannon-2005',
  anticholinergic: 'ags-beers-2023',
};

function sourcesFor(classes: readonly string[]): string[] {
  const sources = new Set(['nlm-rxnorm', 'who-atc', 'fda-dailymed']);
  for (const c of classes) {
    const extra = CLASS_SOURCES[c];
    if (extra !== undefined) {
      sources.add(extra);
    }
    if (c.startsWith('cyp') || c === 'pgp-inhibitor') {
      sources.add('fda-ddi-table');
    }
  }
  return [...sources];
}

export function buildDrugs(options: {
  catalog: readonly CatalogDrug[];
  classes: readonly CatalogClass[];
  rxnorm: RxnormIndex;
  synthea: readonly CodedMedication[];
  /** International, former and compound names (`drug-synonyms.ts`). */
  synonyms?: readonly SynonymRow[];
}): { drugs: DrugEntry[]; report: DrugBuildReport } {
  const { catalog, rxnorm } = options;
  const classIds = new Set(options.classes.map((c) => c.id));
  const genericNames = new Set(catalog.flatMap((d) => [d.name, d.rxnormName]));
  const report: DrugBuildReport = {
    curatedRxcuis: [],
    unresolvedSynthea: [],
    syntheaConflicts: [],
  };
  const problems = catalog.flatMap((drug) => [
    ...drug.classes.filter((c) => !classIds.has(c)).map((c) => `${drug.name}: unknown class ${c}`),
    ...(drug.curatedRxcui === undefined && rxnorm.ingredientByName(drug.rxnormName) === undefined
      ? [`${drug.name}: no RxNorm ingredient named "${drug.rxnormName}" (add cui=)`]
      : []),
  ]);
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }

  const drugs = catalog.map((drug): DrugEntry => {
    const rxcui = drug.curatedRxcui ?? rxnorm.ingredientByName(drug.rxnormName) ?? '';
    if (drug.curatedRxcui !== undefined) {
      report.curatedRxcuis.push({ name: drug.name, rxcui });
    }
    const names = [drug.name, drug.rxnormName];
    const related = new Set<string>(drug.alsoRxcuis);
    const brands = new Set(drug.extraBrands);
    for (const code of [rxcui, ...drug.alsoRxcuis]) {
      const found = rxnorm.codesFor(code, names);
      found.related.forEach((r) => related.add(r));
      found.brands.forEach((b) => brands.add(b));
    }
    related.delete(rxcui);
    return {
      rxcui,
      name: drug.name,
      classes: drug.classes,
      brands: [...brands].filter((b) => !genericNames.has(b)).sort(),
      relatedRxcuis: [...related],
      typicalDose: drug.typicalDose,
      sources: sourcesFor(drug.classes),
    };
  });

  const synonyms = synonymsByDrug({
    rows: options.synonyms ?? [],
    drugNames: new Map(
      drugs.map((d, i) => [d.name, [d.name, catalog[i]?.rxnormName ?? d.name, ...d.brands]]),
    ),
  });
  for (const d of drugs) {
    const own = synonyms.get(d.name);
    if (own) {
      d.synonyms = own;
    }
  }

  const index: NameIndexEntry[] = drugs.flatMap((d, i) =>
    [d.name, catalog[i]?.rxnormName ?? d.name, ...d.brands.filter((b) => b.length >= 4)].map(
      (term) => ({ drug: d.name, term }),
    ),
  );
  const drugsByCode = new Map<string, string[]>();
  for (const d of drugs) {
    for (const code of [d.rxcui, ...d.relatedRxcuis]) {
      drugsByCode.set(code, [...(drugsByCode.get(code) ?? []), d.name]);
    }
  }
  for (const med of options.synthea) {
    const viaRxnorm = drugsByCode.get(med.code);
    const named = drugsNamedIn(med.display, index);
    if (viaRxnorm && named.length > 0 && !named.some((n) => viaRxnorm.includes(n))) {
      report.syntheaConflicts.push({
        code: med.code,
        display: med.display,
        rxnorm: viaRxnorm,
        displayNames: named,
      });
    }
  }
  const mapping = mapSyntheaMedications({
    medications: options.synthea,
    index,
    alreadyResolved: new Set(drugsByCode.keys()),
  });
  report.unresolvedSynthea = mapping.unresolved;
  for (const d of drugs) {
    const extra = mapping.byDrug.get(d.name) ?? [];
    d.relatedRxcuis = [...new Set([...d.relatedRxcuis, ...extra])]
      .filter((c) => c !== d.rxcui)
      .sort((a, b) => Number(a) - Number(b));
  }
  return { drugs, report };
}
