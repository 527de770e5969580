import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../reference-data.js';
import { drugCatalog, parseDrugTable } from './drug-catalog.js';
import { readRxnormSandbox, readSyntheaMedications } from './reference-files.js';
import { createRxnormIndex } from './rxnorm-index.js';
import { verifyIngredientRxcuis } from './rxcui-verification.js';

const rxnorm = createRxnormIndex({
  cuiToName: {
    '161': 'Acetaminophen',
    '313782': 'Acetaminophen 325 MG Oral Tablet',
    '11248': 'Vitamin B 12',
    '198891': 'Vitamin B 12 1 MG Oral Tablet',
    '723': 'Amoxicillin',
    '19711': 'Amoxicillin / Clavulanate',
    '562251': 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet',
  },
  genericToIngredients: { '313782': '161', '198891': '11248', '562251': '19711', '723': '723' },
  brandToGeneric: {},
});

const verify = (table: string, synthea = new Map<string, string>()) =>
  verifyIngredientRxcuis({ catalog: parseDrugTable(table), rxnorm, synthea });

describe('ingredient RxCUI verification', () => {
  it('takes ingredients by name from the file and accepts a curated code the file lists as an ingredient', () => {
    const result = verify(`
acetaminophen | analgesic | 1 g
cyanocobalamin | vitamin | 1 mg | cui=11248`);
    expect(result.problems).toEqual([]);
    expect(result.checks).toEqual([
      { name: 'acetaminophen', rxcui: '161', status: 'rxnorm-file', rxnormName: 'Acetaminophen' },
      { name: 'cyanocobalamin', rxcui: '11248', status: 'rxnorm-file', rxnormName: 'Vitamin B 12' },
    ]);
  });

  it('rejects a curated code that is a clinical drug, or that contradicts the file’s ingredient', () => {
    const result = verify(`
cyanocobalamin | vitamin | 1 mg | cui=198891
acetaminophen | analgesic | 1 g | cui=1234; why=no-oral-solid`);
    expect(result.problems).toEqual([
      'cyanocobalamin: cui=198891 is "Vitamin B 12 1 MG Oral Tablet" in the RxNorm file, not an ingredient: correct the code',
      'acetaminophen: cui=1234 but the RxNorm file has the ingredient "acetaminophen" as 161; use it (drop cui=)',
    ]);
  });

  it('requires a reason for a code the file lacks, and checks the reason against the file', () => {
    const result = verify(`
heparin | anticoagulant | 5000 units | cui=5224
gentamicin | aminoglycoside | 5 mg/kg | cui=4413; why=no-longer-sold
clavulanate | beta-lactamase-inhibitor | with amoxicillin | cui=48203; why=no-oral-solid
tazobactam | beta-lactamase-inhibitor | with piperacillin | cui=37617; why=combination-only`);
    expect(result.problems).toEqual([
      'heparin: cui=5224 is not in the RxNorm file; say why with why=no-oral-solid|newer-than-file|combination-only',
      'gentamicin: cui=4413 is not in the RxNorm file; say why with why=no-oral-solid|newer-than-file|combination-only',
      'clavulanate: why=no-oral-solid but the RxNorm file names it; check the code there',
      'tazobactam: why=combination-only but no RxNorm combination contains it',
    ]);
  });

  it('records the reason, and Synthea’s corroboration when it shows the code with the drug’s name', () => {
    const result = verify(
      `
clavulanate | beta-lactamase-inhibitor | with amoxicillin | cui=48203; why=combination-only
remifentanil | opioid | infusion | cui=73032; why=no-oral-solid`,
      new Map([['73032', 'Remifentanil']]),
    );
    expect(result.problems).toEqual([]);
    expect(result.checks).toEqual([
      { name: 'clavulanate', rxcui: '48203', status: 'curated', why: 'combination-only' },
      {
        name: 'remifentanil',
        rxcui: '73032',
        status: 'curated',
        why: 'no-oral-solid',
        corroboratedBy: 'synthea',
      },
    ]);
  });
});

const dataDir = referenceDataDir();

describe.skipIf(dataDir === undefined)(
  'the curated catalog against the RxNorm reference file',
  () => {
    it('checks every drug: from the file by name, or with a confirmed reason (gentamicin is IN 4413)', () => {
      const dir = dataDir ?? '';
      const result = verifyIngredientRxcuis({
        catalog: drugCatalog(),
        rxnorm: createRxnormIndex(readRxnormSandbox(dir)),
        synthea: new Map(readSyntheaMedications(dir).map((m) => [m.code, m.display])),
      });
      expect(result.problems).toEqual([]);
      expect(result.checks).toHaveLength(drugCatalog().length);
      const gentamicin = result.checks.find((c) => c.name === 'gentamicin');
      expect(gentamicin?.rxcui).toBe('4413');
      const curated = result.checks.filter((c) => c.status === 'curated');
      // 45 since KB 0.5.1: lidocaine (6387) has no oral solid product.
      expect(curated.length).toBeLessThanOrEqual(45);
      expect(curated.find((c) => c.name === 'lidocaine')).toMatchObject({
        rxcui: '6387',
        why: 'no-oral-solid',
      });
    });
  },
);
