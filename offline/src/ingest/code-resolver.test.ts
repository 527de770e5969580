import { CODE_SYSTEMS, loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { createCodeResolver } from './code-resolver.js';

const resolver = createCodeResolver(loadKnowledgeBase());
const { snomed, icd10cm, rxnorm, cvx, loinc } = CODE_SYSTEMS;

describe('code resolver', () => {
  it('resolves SNOMED-only conditions (Synthea) through the KB conditions’ SNOMED codes', () => {
    const result = resolver.resolve('condition', [{ system: snomed, code: '195662009' }]);
    expect(result).toMatchObject({
      valid: true,
      mapped: true,
      conditionId: 'viral-pharyngitis',
      system: snomed,
      code: '195662009',
      snomed: '195662009',
      icd10: null,
    });
  });

  it('codes an epilepsy diagnosis (G40.909) as epilepsy, not seizure (KB 0.5.0 review fix)', () => {
    expect(resolver.resolve('condition', [{ system: icd10cm, code: 'G40909' }])).toMatchObject({
      mapped: true,
      conditionId: 'epilepsy',
      icd10: 'G40.909',
    });
    expect(resolver.resolve('condition', [{ system: snomed, code: '84757009' }])).toMatchObject({
      conditionId: 'epilepsy',
    });
  });

  it('prefers ICD-10-CM, normalises the dot and falls back to the nearest listed ancestor', () => {
    const result = resolver.resolve('condition', [
      { system: snomed, code: '44054006' },
      { system: 'urn:oid:2.16.840.1.113883.6.90', code: 'E11659' },
    ]);
    expect(result).toMatchObject({
      conditionId: 'type-2-diabetes',
      system: icd10cm,
      code: 'E11.659',
      icd10: 'E11.659',
      snomed: '44054006',
    });
  });

  it('resolves clinical-drug RxCUIs to the ingredient', () => {
    expect(resolver.resolve('medication', [{ system: rxnorm, code: '314076' }])).toMatchObject({
      mapped: true,
      ingredientRxcui: '29046',
      code: '314076',
    });
  });

  it('resolves vaccines, screening codes and lab LOINCs to KB tests', () => {
    expect(resolver.resolve('test', [{ system: cvx, code: '140' }]).testId).toBe(
      'influenza-vaccine',
    );
    expect(resolver.resolve('observation', [{ system: loinc, code: '4548-4' }])).toMatchObject({
      testId: 'hba1c',
      loinc: '4548-4',
      mapped: true,
    });
  });

  it('knows vital-sign LOINCs the KB uses in thresholds without calling them tests', () => {
    const heartRate = resolver.resolve('observation', [{ system: loinc, code: '8867-4' }]);
    expect(heartRate).toMatchObject({
      mapped: true,
      testId: null,
      findingId: null,
      loinc: '8867-4',
    });
  });

  it('maps findings by code and smoking-status answers to the current-smoker finding', () => {
    expect(resolver.resolve('finding', [{ system: snomed, code: '386661006' }]).findingId).toBe(
      'fever',
    );
    expect(resolver.resolve('finding', [{ system: snomed, code: '449868002' }]).findingId).toBe(
      'current-smoker',
    );
    expect(resolver.resolve('finding', [{ system: snomed, code: '266919005' }])).toMatchObject({
      valid: true,
      mapped: false,
      findingId: null,
    });
  });

  it('keeps unknown codes with their system and code, unmapped', () => {
    expect(resolver.resolve('test', [{ system: snomed, code: '430193006' }])).toMatchObject({
      valid: true,
      mapped: false,
      system: snomed,
      code: '430193006',
      testId: null,
    });
  });

  it('drops codings that are not codes (free text, no system): nothing usable is invalid', () => {
    const result = resolver.resolve('condition', [
      { system: null, code: 'J06.9' },
      { system: snomed, code: 'Jane Doe has a cold' },
    ]);
    expect(result).toMatchObject({ valid: false, system: null, code: null, mapped: false });
  });
});
