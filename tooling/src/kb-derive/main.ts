/**
 * `npm run kb:derive`: regenerates shared/src/kb/data/diagnosis/*.json from the curated tables and
 * the reference datasets in ../shared/data. Exits non-zero (writing nothing) when a check fails.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceDataDir } from '../reference-data.js';
import { CODE_LEDGER, CURATED } from './curated/index.js';
import { deriveDiagnosisKb } from './derive.js';
import { readColumbia, readHsdn, readIcd10 } from './reference-files.js';

const dataDir = referenceDataDir();
if (!dataDir) {
  console.error(
    'kb:derive needs the reference datasets (../shared/data or MEDIASSIST_REFERENCE_DATA)',
  );
  process.exit(1);
}
const result = deriveDiagnosisKb({
  curated: CURATED,
  columbia: readColumbia(dataDir),
  hsdn: readHsdn(dataDir),
  icd10: readIcd10(dataDir),
  codes: CODE_LEDGER,
});
for (const note of result.notes) {
  console.log(`note: ${note}`);
}
if (result.problems.length > 0) {
  for (const problem of result.problems) {
    console.error(`problem: ${problem}`);
  }
  console.error(`${String(result.problems.length)} problems; nothing written`);
  process.exit(1);
}

const outDir = fileURLToPath(new URL('../../../shared/src/kb/data/diagnosis/', import.meta.url));
/** One entry per line: stable, reviewable diffs. */
const write = (name: string, entries: readonly unknown[]): void => {
  const body = entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  writeFileSync(path.join(outDir, name), `[\n${body}\n]\n`);
};
write('sources.json', result.files.sources);
write('conditions.json', result.files.conditions);
write('findings.json', result.files.findings);
write('associations.json', result.files.associations);
write('red-flags.json', result.files.redFlags);
console.log(
  JSON.stringify({
    conditions: result.files.conditions.length,
    findings: result.files.findings.length,
    associations: result.files.associations.length,
    redFlags: result.files.redFlags.length,
    sources: result.files.sources.length,
  }),
);
