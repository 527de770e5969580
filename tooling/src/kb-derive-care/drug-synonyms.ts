/**
 * The international-names table (`catalog/international-names.ts`) → each catalog drug's synonyms.
 * Refuses a row that names a drug the catalog lacks, a compound name with one ingredient, or a
 * synonym that is already another drug's name, so the derived KB stays unambiguous.
 */
import { INTERNATIONAL_NAMES_TABLE } from './catalog/international-names.js';
import { parsePipeTable, words } from './pipe-table.js';

export const SYNONYM_KINDS = ['international', 'former', 'compound', 'abbreviation'] as const;
export type SynonymKind = (typeof SYNONYM_KINDS)[number];

export interface DrugSynonymEntry {
  name: string;
  kind: SynonymKind;
  sources: string[];
}

export interface SynonymRow extends DrugSynonymEntry {
  /** Catalog drug names (two or more for a compound name). */
  drugs: string[];
}

const isKind = (kind: string): kind is SynonymKind =>
  (SYNONYM_KINDS as readonly string[]).includes(kind);

export function parseSynonymTable(text: string): SynonymRow[] {
  return parsePipeTable(text, { name: 'international names', minCells: 4, maxCells: 4 }).map(
    ([name = '', drugs = '', kind = '', sources = '']) => {
      if (!isKind(kind)) {
        throw new Error(`international names: ${name}: unknown kind ${kind}`);
      }
      return {
        name: name.toLowerCase(),
        drugs: drugs.split('+').map((d) => d.trim().toLowerCase()),
        kind,
        sources: words(sources),
      };
    },
  );
}

/** Synonyms by catalog drug name; throws listing every problem. */
export function synonymsByDrug(options: {
  rows: readonly SynonymRow[];
  /** Every catalog drug's names (generic and brands) by drug name. */
  drugNames: ReadonlyMap<string, readonly string[]>;
}): Map<string, DrugSynonymEntry[]> {
  const { rows, drugNames } = options;
  const owner = new Map<string, string>();
  for (const [drug, names] of drugNames) {
    names.forEach((n) => owner.set(n.toLowerCase(), drug));
  }
  const problems: string[] = [];
  const out = new Map<string, DrugSynonymEntry[]>();
  for (const row of rows) {
    if ((row.kind === 'compound') !== row.drugs.length > 1) {
      problems.push(`${row.name}: a compound name lists two or more drugs, any other name one`);
    }
    const taken = owner.get(row.name);
    if (taken !== undefined) {
      problems.push(`${row.name}: already a name of ${taken}`);
    }
    for (const drug of row.drugs) {
      if (!drugNames.has(drug)) {
        problems.push(`${row.name}: no catalog drug named ${drug}`);
        continue;
      }
      const list = out.get(drug) ?? [];
      list.push({ name: row.name, kind: row.kind, sources: row.sources });
      out.set(drug, list);
    }
  }
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.name)) {
      problems.push(`${row.name}: listed twice`);
    }
    seen.add(row.name);
  }
  if (problems.length > 0) {
    throw new Error(`international names:\n${problems.join('\n')}`);
  }
  return out;
}

export function internationalNames(): SynonymRow[] {
  return parseSynonymTable(INTERNATIONAL_NAMES_TABLE);
}
