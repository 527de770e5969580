import { describe, expect, it } from 'vitest';
import { createInteractionChecker } from '../interactions/interaction-checker.js';
import { createTextExtractor } from '../text/text-extractor.js';
import { checkIntegrity } from './integrity.js';
import { loadKnowledgeBase } from './knowledge-base.js';

const kb = loadKnowledgeBase();
const rxcuiOf = (name: string): string => {
  const drug = kb.drugs.find((d) => d.name === name);
  if (!drug) {
    throw new Error(name);
  }
  return drug.rxcui;
};

/** UK/EU name → the KB's (US) ingredient names (WHO INN lists, BNF approved names). */
const EXPECTED: readonly [string, readonly string[]][] = [
  ['paracetamol', ['acetaminophen']],
  ['salbutamol', ['albuterol']],
  ['adrenaline', ['epinephrine']],
  ['glyceryl trinitrate', ['nitroglycerin']],
  ['GTN', ['nitroglycerin']],
  ['co-amoxiclav', ['amoxicillin', 'clavulanate']],
  ['co-trimoxazole', ['sulfamethoxazole', 'trimethoprim']],
  ['frusemide', ['furosemide']],
  ['bendrofluazide', ['bendroflumethiazide']],
  ['lignocaine', ['lidocaine']],
  ['cefalexin', ['cephalexin']],
  ['rifampicin', ['rifampin']],
];

describe('international drug names (KB 0.5.1)', () => {
  it('lists each with its kind and source, and bendroflumethiazide and lidocaine exist', () => {
    const paracetamol = kb.drugByName('paracetamol');
    expect(paracetamol?.name).toBe('acetaminophen');
    expect(paracetamol?.synonyms).toContainEqual({
      name: 'paracetamol',
      kind: 'international',
      sources: ['who-inn', 'bnf-approved-names'],
    });
    expect(kb.drugByName('bendroflumethiazide')?.rxcui).toBe(rxcuiOf('bendroflumethiazide'));
    expect(kb.drugByName('lidocaine')?.rxcui).toBe('6387');
    for (const d of kb.drugs) {
      for (const s of d.synonyms ?? []) {
        expect(kb.drugByName(s.name), s.name).toBeDefined();
        expect(
          s.sources.every((id) => kb.source(id) !== undefined),
          s.name,
        ).toBe(true);
      }
    }
  });

  it('are read from notes as the KB drug, a compound name as each ingredient', () => {
    const extractor = createTextExtractor({ kb });
    for (const [written, names] of EXPECTED) {
      const summary = extractor.summarize(`Meds: ${written} as directed`);
      expect(summary.medications.map((m) => m.rxcui).sort(), written).toEqual(
        names.map(rxcuiOf).sort(),
      );
    }
    const note = 'Plan: start co-amoxiclav 625 mg PO TDS for 7 days; paracetamol 1 g QDS PRN.';
    expect(extractor.summarize(note).medications.map((m) => [m.name, m.status])).toEqual([
      ['amoxicillin', 'started'],
      ['clavulanate', 'started'],
      ['acetaminophen', 'started'],
    ]);
  });

  it('are resolved by the interaction checker (GTN with sildenafil; co-trimoxazole with warfarin)', () => {
    const checker = createInteractionChecker(kb);
    for (const [written, names] of EXPECTED) {
      const result = checker.check({ proposed: [written], active: [] });
      expect(result.unresolved, written).toEqual([]);
      expect(names.length).toBeGreaterThan(0);
    }
    const nitrate = checker.check({ proposed: ['sildenafil'], active: ['GTN spray'] });
    expect(nitrate.unresolved).toEqual([]);
    expect(nitrate.warnings.map((w) => w.severity)).toContain('contraindicated');
    const cotrim = checker.check({ proposed: ['co-trimoxazole'], active: ['warfarin'] });
    expect(cotrim.warnings.length).toBeGreaterThan(0);
    expect(cotrim.warnings.flatMap((w) => w.drugs.map((d) => d.name))).toContain('warfarin');
  });

  it('are refused by the integrity check when a synonym also names another drug', () => {
    const withSynonym = (name: string) =>
      kb.drugs.map((d) =>
        d.name === 'ibuprofen'
          ? { ...d, synonyms: [{ name, kind: 'former' as const, sources: ['bnf-approved-names'] }] }
          : d,
      );
    const ibuprofen = rxcuiOf('ibuprofen');
    expect(checkIntegrity(kb)).toEqual([]);
    const acetaminophen = rxcuiOf('acetaminophen');
    const clash = checkIntegrity({ ...kb, drugs: withSynonym('paracetamol') });
    expect(clash).toContainEqual({
      path: `drugs.${ibuprofen}.synonyms.0`,
      issue: `"paracetamol" also names drug ${acetaminophen}`,
    });
    expect(clash).toContainEqual({
      path: expect.stringMatching(new RegExp(`^drugs\\.${acetaminophen}\\.synonyms\\.`)) as unknown,
      issue: `"paracetamol" also names drug ${ibuprofen}`,
    });
    expect(clash).toHaveLength(2);
    expect(checkIntegrity({ ...kb, drugs: withSynonym('naproxen') })).toEqual([
      {
        path: `drugs.${ibuprofen}.synonyms.0`,
        issue: `"naproxen" also names drug ${rxcuiOf('naproxen')}`,
      },
    ]);
  });
});
