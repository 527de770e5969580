/** The curated drug catalog and class table, parsed from their pipe tables. */
import { ANALGESIC_RESPIRATORY_GI_DRUGS } from './catalog/analgesic-respiratory-gi.js';
import { ANTI_INFECTIVE_DRUGS } from './catalog/anti-infectives.js';
import { CARDIOVASCULAR_DRUGS } from './catalog/cardiovascular.js';
import { DRUG_CLASS_TABLE } from './catalog/drug-classes.js';
import { ENDOCRINE_IMMUNE_DRUGS } from './catalog/endocrine-immune.js';
import { NERVOUS_SYSTEM_DRUGS } from './catalog/nervous-system.js';
import { parseOptions, parsePipeTable, words } from './pipe-table.js';

export interface CatalogDrug {
  /** Display name, lower case (the generic name clinicians use). */
  name: string;
  /** RxNorm ingredient name to look up, lower case (defaults to `name`). */
  rxnormName: string;
  classes: string[];
  typicalDose: string;
  /** Ingredient RxCUI supplied by hand because the RxNorm file lacks the ingredient. */
  curatedRxcui?: string;
  /** Why the RxNorm file lacks it: a key of ABSENCE_REASONS (`rxcui-verification.ts`). */
  curatedWhy?: string;
  /** Other ingredient-level RxCUIs of the same substance (e.g. a salt's own IN). */
  alsoRxcuis: string[];
  extraBrands: string[];
}

export interface CatalogClass {
  id: string;
  display: string;
  sources: string[];
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');

export function parseDrugTable(text: string): CatalogDrug[] {
  return parsePipeTable(text, { name: 'drug catalog', minCells: 3, maxCells: 4 }).map((cells) => {
    const [name = '', classes = '', dose = '', optionCell] = cells;
    const options = parseOptions(optionCell);
    const curatedRxcui = options.get('cui');
    const curatedWhy = options.get('why');
    return {
      name,
      rxnormName: (options.get('rx') ?? name).toLowerCase(),
      classes: words(classes),
      typicalDose: dose,
      ...(curatedRxcui === undefined ? {} : { curatedRxcui }),
      ...(curatedWhy === undefined ? {} : { curatedWhy }),
      alsoRxcuis: list(options.get('alsoCui')),
      extraBrands: list(options.get('brands')),
    };
  });
}

export function parseClassTable(text: string): CatalogClass[] {
  return parsePipeTable(text, { name: 'drug classes', minCells: 3, maxCells: 3 }).map(
    ([id = '', display = '', sources = '']) => ({ id, display, sources: words(sources) }),
  );
}

export function drugCatalog(): CatalogDrug[] {
  return [
    CARDIOVASCULAR_DRUGS,
    NERVOUS_SYSTEM_DRUGS,
    ANALGESIC_RESPIRATORY_GI_DRUGS,
    ENDOCRINE_IMMUNE_DRUGS,
    ANTI_INFECTIVE_DRUGS,
  ].flatMap(parseDrugTable);
}

export function classCatalog(): CatalogClass[] {
  return parseClassTable(DRUG_CLASS_TABLE);
}
