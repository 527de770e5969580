/**
 * Checks every curated drug's ingredient RxCUI against the RxNorm reference file, so a hand-entered
 * code cannot drift unnoticed. A drug either takes its ingredient RxCUI from the file by name
 * (`rx=`), or carries `cui=`: an ingredient the file lists under another name (shown in the report),
 * or a code the file lacks, with `why=`, a reason from ABSENCE_REASONS that the check confirms
 * against the file (the drug is really absent, or really only inside combination concepts). A `cui=`
 * the file has as a clinical or branded drug, or that disagrees with the file's ingredient of that
 * name, is an error. Synthea's
 * RxNorm list corroborates a curated code when it shows that code with the drug's name.
 */
import type { CatalogDrug } from './drug-catalog.js';
import type { RxnormIndex } from './rxnorm-index.js';

/** Why an ingredient RxCUI cannot be checked against the file (the CDS Hooks sandbox's RxNorm subset). */
export const ABSENCE_REASONS = {
  'no-oral-solid':
    'marketed without oral tablets or capsules (injections, infusions, inhalers, patches, gums, granules, solutions); the RxNorm file lists oral solid products only',
  'newer-than-file':
    'approved in the US after the RxNorm file was taken (it has Harvoni, October 2014, but not Savaysa, January 2015)',
  'combination-only':
    'in the RxNorm file only inside multiple-ingredient concepts (MIN), never as an ingredient of its own',
} as const;
export type AbsenceReason = keyof typeof ABSENCE_REASONS;

const isAbsenceReason = (why: string): why is AbsenceReason => why in ABSENCE_REASONS;

export type RxcuiCheck =
  | { name: string; rxcui: string; status: 'rxnorm-file'; rxnormName: string }
  | { name: string; rxcui: string; status: 'curated'; why: AbsenceReason; corroboratedBy?: string };

export interface RxcuiVerification {
  checks: RxcuiCheck[];
  problems: string[];
}

export function verifyIngredientRxcuis(options: {
  catalog: readonly CatalogDrug[];
  rxnorm: RxnormIndex;
  /** Synthea's coded medications: code → display. */
  synthea: ReadonlyMap<string, string>;
}): RxcuiVerification {
  const { catalog, rxnorm, synthea } = options;
  const checks: RxcuiCheck[] = [];
  const problems: string[] = [];
  for (const drug of catalog) {
    const byName = rxnorm.ingredientByName(drug.rxnormName);
    const cui = drug.curatedRxcui;
    if (cui === undefined) {
      if (byName === undefined) {
        problems.push(`${drug.name}: no RxNorm ingredient named "${drug.rxnormName}"`);
      } else {
        checks.push({
          name: drug.name,
          rxcui: byName,
          status: 'rxnorm-file',
          rxnormName: rxnorm.name(byName) ?? drug.rxnormName,
        });
      }
      continue;
    }
    const known = rxnorm.name(cui);
    if (byName !== undefined) {
      problems.push(
        `${drug.name}: cui=${cui} but the RxNorm file has the ingredient "${drug.rxnormName}" as ${byName}; use it (drop cui=)`,
      );
      continue;
    }
    if (known !== undefined) {
      if (rxnorm.isIngredient(cui) && drug.curatedWhy === undefined) {
        // The file has it under another name (cyanocobalamin is "Vitamin B 12"): checked, name shown.
        checks.push({ name: drug.name, rxcui: cui, status: 'rxnorm-file', rxnormName: known });
      } else {
        problems.push(
          `${drug.name}: cui=${cui} is "${known}" in the RxNorm file${rxnorm.isIngredient(cui) ? ' (drop why=)' : ', not an ingredient: correct the code'}`,
        );
      }
      continue;
    }
    const why = drug.curatedWhy;
    if (why === undefined || !isAbsenceReason(why)) {
      problems.push(
        `${drug.name}: cui=${cui} is not in the RxNorm file; say why with why=${Object.keys(ABSENCE_REASONS).join('|')}`,
      );
      continue;
    }
    const inCombinations = rxnorm.combinationsContaining(drug.rxnormName);
    if (why === 'combination-only' && inCombinations.length === 0) {
      problems.push(`${drug.name}: why=combination-only but no RxNorm combination contains it`);
      continue;
    }
    if (
      why !== 'combination-only' &&
      (inCombinations.length > 0 || rxnorm.namesMentioning(drug.rxnormName) > 0)
    ) {
      problems.push(`${drug.name}: why=${why} but the RxNorm file names it; check the code there`);
      continue;
    }
    const display = synthea.get(cui)?.toLowerCase();
    const corroborated = display === drug.name || display === drug.rxnormName;
    checks.push({
      name: drug.name,
      rxcui: cui,
      status: 'curated',
      why,
      ...(corroborated ? { corroboratedBy: 'synthea' } : {}),
    });
  }
  return { checks, problems };
}
