/**
 * Source codes → knowledge-base ids for the evaluation's ground truth. Sources code more finely than
 * the KB (Synthea: "Chronic kidney disease stage 3" vs the KB's chronic kidney disease; clinical-drug
 * RxCUIs of combinations), so a condition maps by ICD-10-CM or SNOMED code, else by the longest KB
 * name found as whole words in its display; a drug maps to every ingredient that lists its RxCUI.
 */
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';

export interface KbCodes {
  conditionId(coding: {
    system?: string | undefined;
    code?: string | undefined;
    display?: string | undefined;
  }): string | undefined;
  /** Ingredient RxCUIs of an RxNorm code (one for a single-ingredient drug, several for a combination). */
  ingredients(rxcui: string): readonly string[];
}

/** Names shorter than this are abbreviations ("cap", "htn"): too ambiguous inside a display. */
const MIN_NAME_LENGTH = 5;

const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\s*\([a-z ]+\)\s*$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function createKbCodes(kb: KnowledgeBase): KbCodes {
  const bySnomed = new Map(
    kb.conditions.flatMap((c) => (c.snomed ? [[c.snomed, c.id] as const] : [])),
  );
  const names = kb.conditions
    .flatMap((c) => [c.display, ...c.synonyms].map((n) => ({ name: normalize(n), id: c.id })))
    .filter((n) => n.name.length >= MIN_NAME_LENGTH)
    .sort((a, b) => b.name.length - a.name.length);
  const ingredients = new Map<string, string[]>();
  for (const drug of kb.drugs) {
    for (const rxcui of [drug.rxcui, ...drug.relatedRxcuis]) {
      const list = ingredients.get(rxcui) ?? [];
      if (!list.includes(drug.rxcui)) {
        list.push(drug.rxcui);
      }
      ingredients.set(rxcui, list);
    }
  }
  const byName = (display: string): string | undefined => {
    const text = ` ${normalize(display)} `;
    return names.find((n) => text.includes(` ${n.name} `))?.id;
  };
  return {
    conditionId({ system, code, display }) {
      const byCode =
        code === undefined
          ? undefined
          : system === CODE_SYSTEMS.icd10cm
            ? kb.conditionByIcd10(code)?.id
            : system === CODE_SYSTEMS.snomed
              ? bySnomed.get(code)
              : undefined;
      return byCode ?? (display === undefined ? undefined : byName(display));
    },
    ingredients: (rxcui) => ingredients.get(rxcui) ?? [],
  };
}
