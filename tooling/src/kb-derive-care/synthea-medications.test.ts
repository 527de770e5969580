import { describe, expect, it } from 'vitest';
import { drugsNamedIn, mapSyntheaMedications } from './synthea-medications.js';

const index = [
  { drug: 'estradiol', term: 'estradiol' },
  { drug: 'ethinyl estradiol', term: 'ethinyl estradiol' },
  { drug: 'furosemide', term: 'furosemide' },
  { drug: 'furosemide', term: 'lasix' },
  { drug: 'hydrocodone', term: 'hydrocodone' },
  { drug: 'acetaminophen', term: 'acetaminophen' },
];

describe('Synthea medication mapping', () => {
  it('names every ingredient in a display, preferring the longest overlapping term', () => {
    expect(drugsNamedIn('Acetaminophen 325 MG / HYDROcodone Bitartrate 5 MG', index)).toEqual([
      'acetaminophen',
      'hydrocodone',
    ]);
    expect(drugsNamedIn('168 HR Ethinyl Estradiol 0.00146 MG/HR', index)).toEqual([
      'ethinyl estradiol',
    ]);
    expect(drugsNamedIn('Lasix 40mg', index)).toEqual(['furosemide']);
    expect(drugsNamedIn('Estradiolol', index)).toEqual([]);
  });

  it('skips codes already known, applies overrides and reports what it cannot map', () => {
    const result = mapSyntheaMedications({
      medications: [
        { code: '1', display: 'Furosemide 40 MG' },
        { code: '2', display: 'Lasix 40mg' },
        { code: '757594', display: 'Jolivette 28 Day Pack' },
        { code: '9', display: 'Mystery Implant' },
      ],
      index,
      alreadyResolved: new Set(['1']),
    });
    expect(Object.fromEntries(result.byDrug)).toEqual({
      furosemide: ['2'],
      norethindrone: ['757594'],
    });
    expect(result.unresolved).toEqual([{ code: '9', display: 'Mystery Implant' }]);
  });
});
