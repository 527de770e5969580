import { CODE_SYSTEMS, loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { createKbCodes } from './kb-codes.js';

const kb = loadKnowledgeBase();
const codes = createKbCodes(kb);

describe('createKbCodes', () => {
  it('maps a condition by ICD-10-CM (with ancestors) and by SNOMED CT', () => {
    expect(codes.conditionId({ system: CODE_SYSTEMS.icd10cm, code: 'I10' })).toBe('hypertension');
    expect(codes.conditionId({ system: CODE_SYSTEMS.snomed, code: '59621000' })).toBe(
      'hypertension',
    );
  });

  it('maps a finer SNOMED concept by the KB name inside its display, and nothing by an abbreviation', () => {
    const ckd = codes.conditionId({
      system: CODE_SYSTEMS.snomed,
      code: '433144002',
      display: 'Chronic kidney disease stage 3 (disorder)',
    });
    expect(ckd).toBe('chronic-kidney-disease');
    expect(codes.conditionId({ system: CODE_SYSTEMS.snomed, code: '1', display: 'HTN' })).toBe(
      undefined,
    );
    expect(
      codes.conditionId({
        system: CODE_SYSTEMS.snomed,
        code: '1',
        display: 'Full-time employment',
      }),
    ).toBeUndefined();
  });

  it('resolves a clinical drug to its ingredient and a combination to every ingredient', () => {
    expect(codes.ingredients('29046')).toEqual(['29046']);
    expect(codes.ingredients('104375')).toEqual(['29046']);
    // lisinopril / hydrochlorothiazide tablets (RxNorm SCD 197885)
    expect([...codes.ingredients('197885')].sort()).toEqual(
      [kb.drugByName('hydrochlorothiazide')?.rxcui, '29046'].sort(),
    );
    expect(codes.ingredients('0')).toEqual([]);
  });
});
