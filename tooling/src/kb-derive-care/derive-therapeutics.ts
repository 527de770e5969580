/**
 * Regenerates the therapeutics knowledge files from the curated tables and the reference data:
 *   npx tsx tooling/src/kb-derive-care/derive-therapeutics.ts
 * Checks every drug's ingredient RxCUI against the RxNorm file first (`rxcui-verification.ts`).
 * Writes drug-classes.json, drugs.json and interactions.json under shared/src/kb/data/therapeutics/
 * (sources.json and treatments.json there, and everything under care/, are curated by hand as JSON)
 * and prints a JSON report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDataDir } from '../reference-data.js';
import { projectRoot } from '../state-dir.js';
import { buildDrugs } from './build-drugs.js';
import {
  buildCuratedInteractions,
  buildOncInteractions,
  oncGroupRows,
  type Resolver,
} from './build-interactions.js';
import { classCatalog, drugCatalog } from './drug-catalog.js';
import { internationalNames } from './drug-synonyms.js';
import {
  readOncGroupRecords,
  readRxnormSandbox,
  readSyntheaMedications,
} from './reference-files.js';
import { createRxnormIndex } from './rxnorm-index.js';
import { verifyIngredientRxcuis } from './rxcui-verification.js';
import { ANTITHROMBOTIC_RULES } from './rules/antithrombotics.js';
import { CARDIO_RENAL_RULES } from './rules/cardio-renal.js';
import { CNS_RULES } from './rules/cns.js';
import { METABOLIC_ANTI_INFECTIVE_RULES } from './rules/metabolic-anti-infective.js';
import { ONC_GROUPS, ONC_NAME_ALIASES } from './rules/onc-groups.js';
import { PHARMACOKINETIC_RULES } from './rules/pharmacokinetic.js';

/** One JSON value per line: small diffs, readable in review. */
function jsonLines(entries: readonly unknown[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

function main(): void {
  const dataDir = referenceDataDir();
  if (dataDir === undefined) {
    throw new Error('reference data not found: set MEDIASSIST_REFERENCE_DATA');
  }
  const dataRoot = path.join(projectRoot(), 'shared', 'src', 'kb', 'data');
  const outDir = path.join(dataRoot, 'therapeutics');
  const knownSources = new Set(
    ['diagnosis', 'care', 'therapeutics'].flatMap((module) =>
      (
        JSON.parse(readFileSync(path.join(dataRoot, module, 'sources.json'), 'utf8')) as {
          id: string;
        }[]
      ).map((s) => s.id),
    ),
  );

  const classes = classCatalog();
  const catalog = drugCatalog();
  const rxnorm = createRxnormIndex(readRxnormSandbox(dataDir));
  const synthea = readSyntheaMedications(dataDir);
  const rxcuiCheck = verifyIngredientRxcuis({
    catalog,
    rxnorm,
    synthea: new Map(synthea.map((m) => [m.code, m.display])),
  });
  if (rxcuiCheck.problems.length > 0) {
    throw new Error(`ingredient RxCUI check failed:\n${rxcuiCheck.problems.join('\n')}`);
  }
  const { drugs, report } = buildDrugs({
    catalog,
    classes,
    rxnorm,
    synthea,
    synonyms: internationalNames(),
  });
  const rxcuiByName = new Map(drugs.map((d) => [d.name, d.rxcui]));
  const classIds = new Set(classes.map((c) => c.id));
  const resolver: Resolver = {
    rxcuiOf: (name) => rxcuiByName.get(name),
    hasClass: (id) => classIds.has(id),
  };
  const interactions = [
    ...buildOncInteractions({
      specs: ONC_GROUPS,
      rows: oncGroupRows(readOncGroupRecords(dataDir), ONC_NAME_ALIASES),
      resolver,
    }),
    ...buildCuratedInteractions(
      [
        ...ANTITHROMBOTIC_RULES,
        ...CARDIO_RENAL_RULES,
        ...CNS_RULES,
        ...PHARMACOKINETIC_RULES,
        ...METABOLIC_ANTI_INFECTIVE_RULES,
      ],
      resolver,
    ),
  ];

  const cited = [
    ...[...classes, ...drugs, ...interactions].flatMap((e) => e.sources),
    ...drugs.flatMap((d) => (d.synonyms ?? []).flatMap((s) => s.sources)),
  ];
  const unknownSources = [...new Set(cited.filter((s) => !knownSources.has(s)))];
  if (unknownSources.length > 0) {
    throw new Error(`unknown source ids: ${unknownSources.join(', ')}`);
  }

  writeFileSync(path.join(outDir, 'drug-classes.json'), jsonLines(classes));
  writeFileSync(path.join(outDir, 'drugs.json'), jsonLines(drugs));
  writeFileSync(path.join(outDir, 'interactions.json'), jsonLines(interactions));
  console.log(
    JSON.stringify({
      classes: classes.length,
      drugs: drugs.length,
      relatedRxcuis: drugs.reduce((n, d) => n + d.relatedRxcuis.length, 0),
      synonyms: drugs.reduce((n, d) => n + (d.synonyms?.length ?? 0), 0),
      interactions: interactions.length,
      oncRules: interactions.filter((i) => i.oncGroup !== undefined).length,
      rxcuiCheck: {
        fromRxnormFile: rxcuiCheck.checks.filter((c) => c.status === 'rxnorm-file').length,
        curated: rxcuiCheck.checks.flatMap((c) => (c.status === 'curated' ? [c] : [])),
      },
      ...report,
    }),
  );
}

main();
