/**
 * The shipped KB's codes and the 0.4.0 additions: verified SNOMED CT codes carry their display,
 * local codes stay the exception, and the findings the care module needed are wired into the
 * preventive services that had approximated them.
 */
import { describe, expect, it } from 'vitest';
import { isEligible, type CareGapsPatient } from '../care/care-gaps.js';
import { CODE_SYSTEMS } from './schema.js';
import { loadKnowledgeBase } from './knowledge-base.js';

const kb = loadKnowledgeBase();
const service = (id: string) => {
  const found = kb.preventiveServices.find((s) => s.id === id);
  if (!found) {
    throw new Error(`no preventive service ${id}`);
  }
  return found;
};
const patient = (p: Partial<CareGapsPatient>): CareGapsPatient => ({
  age: 60,
  sex: 'female',
  conditions: [],
  historyFindings: [],
  ...p,
});

describe('finding and condition codes', () => {
  it('codes most findings in SNOMED CT or UMLS, with local codes the exception', () => {
    const local = kb.findings.filter((f) => f.code.system === CODE_SYSTEMS.mediassist);
    expect(local.length / kb.findings.length).toBeLessThan(0.35);
    expect(local.every((f) => f.code.code === f.id)).toBe(true);
  });

  it('shows the verified display beside ledger-verified SNOMED CT codes', () => {
    const eyePain = kb.finding('eye-pain');
    expect(eyePain?.code).toEqual({
      system: CODE_SYSTEMS.snomed,
      code: '41652007',
      display: 'Pain in eye',
    });
    expect(eyePain?.sources).toContain('snomed-ct');
  });

  it('resolves the US Core smoking-status answers to the smoking findings by code', () => {
    expect(kb.findingByCode(CODE_SYSTEMS.snomed, '77176002')?.id).toBe('current-smoker');
    expect(kb.findingByCode(CODE_SYSTEMS.snomed, '8517006')?.id).toBe('former-smoker');
  });

  it('codes lung cancer as the disorder, not one histological type', () => {
    expect(kb.condition('lung-cancer')?.snomed).toBe('363358000');
    expect(kb.conditions.some((c) => c.snomed === '254637007')).toBe(false);
  });
});

describe('conditions added in 0.4.0', () => {
  it.each(['glaucoma', 'cervical-cancer'])(
    '%s has codes, sources and 6 or more associations',
    (id) => {
      const c = kb.condition(id);
      expect(c?.snomed).toMatch(/^\d+$/);
      expect(c?.sources.length).toBeGreaterThan(0);
      expect(kb.associationsOf(id).length).toBeGreaterThanOrEqual(6);
    },
  );

  it('gives cervical cancer no prior in men and glaucoma a prior rising with age', () => {
    const cervical = kb.condition('cervical-cancer');
    expect(Object.values(cervical?.prior.male ?? {}).every((p) => p === 0)).toBe(true);
    const glaucoma = kb.condition('glaucoma');
    expect(glaucoma?.prior.female['65+']).toBeGreaterThan(glaucoma?.prior.female['40-64'] ?? 0);
  });
});

describe('preventive services wired to the new history findings', () => {
  it('offers lung screening to a smoker who quit within 15 years, not to any former smoker', () => {
    const lung = service('lung-cancer-screening');
    expect(isEligible(lung, patient({ historyFindings: ['recent-former-smoker'] }))).toBe(true);
    expect(isEligible(lung, patient({ historyFindings: ['former-smoker'] }))).toBe(false);
  });

  it('offers AAA screening to men 65-75 who ever smoked', () => {
    const aaa = service('aaa-screening');
    const man = { age: 70, sex: 'male' as const };
    expect(isEligible(aaa, patient({ ...man, historyFindings: ['former-smoker'] }))).toBe(true);
    expect(isEligible(aaa, patient({ ...man, historyFindings: [] }))).toBe(false);
  });

  it('screens for hepatitis B on a recorded exposure risk or high-risk sexual behaviour', () => {
    const hbv = service('hbv-screening-increased-risk');
    expect(isEligible(hbv, patient({ historyFindings: ['hepatitis-b-risk'] }))).toBe(true);
    expect(isEligible(hbv, patient({ historyFindings: ['high-risk-sexual-behaviour'] }))).toBe(
      true,
    );
  });

  it('offers bone density testing to postmenopausal women under 65 only when postmenopausal', () => {
    const bone = service('osteoporosis-screening-postmenopausal-under-65');
    expect(isEligible(bone, patient({ age: 58, historyFindings: ['postmenopausal'] }))).toBe(true);
    expect(isEligible(bone, patient({ age: 58 }))).toBe(false);
  });

  it('does not offer cervical screening to a woman with cervical cancer', () => {
    const cervical = service('cervical-cancer-screening-30-65');
    expect(isEligible(cervical, patient({ age: 40 }))).toBe(true);
    expect(isEligible(cervical, patient({ age: 40, conditions: ['cervical-cancer'] }))).toBe(false);
  });
});
