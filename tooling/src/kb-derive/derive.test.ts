import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../reference-data.js';
import { CODE_EVIDENCE } from './curated/code-evidence.js';
import { CONDITION_CODE_CHECKS } from './curated/condition-codes.js';
import { FINDING_CODES } from './curated/finding-codes.js';
import { CODE_LEDGER, CURATED } from './curated/index.js';
import { deriveDiagnosisKb } from './derive.js';
import { readColumbia, readHsdn, readIcd10 } from './reference-files.js';
import { isValidConceptId } from './snomed-id.js';

const dataDir = referenceDataDir();
const shipped = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../../shared/src/kb/data/diagnosis/${name}`, import.meta.url), 'utf8'),
  );

describe('the code ledger', () => {
  it('cites only known evidence and holds only well-formed SNOMED CT ids', () => {
    const evidence = new Set(CODE_EVIDENCE.map((e) => e.id));
    const entries = [...Object.values(FINDING_CODES), ...Object.values(CONDITION_CODE_CHECKS)];
    expect(entries.flatMap((e) => e.via).filter((id) => !evidence.has(id))).toEqual([]);
    const ids = [
      ...Object.values(FINDING_CODES).map((e) => e.code.code),
      ...Object.values(CONDITION_CODE_CHECKS).map((e) => e.snomed),
    ];
    expect(ids.filter((id) => !isValidConceptId(id))).toEqual([]);
  });

  it('gives no finding two codes and no code two findings', () => {
    const codes = Object.values(FINDING_CODES).map((e) => e.code.code);
    expect(new Set(codes).size).toBe(codes.length);
    const local = [...CODE_LEDGER.localFindings.keys()].filter((id) => id in FINDING_CODES);
    expect(local).toEqual([]);
  });
});

describe.skipIf(!dataDir)('kb:derive over the reference datasets', () => {
  const result = deriveDiagnosisKb({
    curated: CURATED,
    columbia: readColumbia(dataDir ?? ''),
    hsdn: readHsdn(dataDir ?? ''),
    icd10: readIcd10(dataDir ?? ''),
    codes: CODE_LEDGER,
  });

  it('reports no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('reproduces the shipped diagnosis files exactly (re-run npm run kb:derive after an edit)', () => {
    expect(result.files.findings).toEqual(shipped('findings.json'));
    expect(result.files.conditions).toEqual(shipped('conditions.json'));
    expect(result.files.associations).toEqual(shipped('associations.json'));
    expect(result.files.redFlags).toEqual(shipped('red-flags.json'));
    expect(result.files.sources).toEqual(shipped('sources.json'));
  });
});
