import { describe, expect, it } from 'vitest';
import { brandOf, createRxnormIndex, stripSalt } from './rxnorm-index.js';

const index = createRxnormIndex({
  cuiToName: {
    '161': 'Acetaminophen',
    '7804': 'Oxycodone',
    '214183': 'Acetaminophen / Oxycodone',
    '313782': 'Acetaminophen 325 MG Oral Tablet',
    '209387': 'Acetaminophen 325 MG Oral Tablet [Tylenol]',
    '1049221': 'Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet',
    '1049640': 'Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet [Percocet]',
    '725': 'Amphetamine',
    '822929': 'Amphetamine aspartate / Dextroamphetamine Sulfate',
  },
  genericToIngredients: {
    '313782': '161',
    '1049221': '214183',
    '7804': '7804',
    '725': '725',
    '822929': '822929',
  },
  brandToGeneric: { '209387': '313782', '1049640': '1049221' },
});

describe('createRxnormIndex', () => {
  it('finds ingredients by lower-case name', () => {
    expect(index.ingredientByName('ACETAMINOPHEN')).toBe('161');
    expect(index.ingredientByName('acetaminophen / oxycodone')).toBe('214183');
    expect(index.ingredientByName('unknown')).toBeUndefined();
  });

  it('collects multi-ingredient concepts, clinical and branded drugs, and brand names', () => {
    expect(index.codesFor('161', ['acetaminophen'])).toEqual({
      rxcui: '161',
      related: ['209387', '214183', '313782', '1049221', '1049640'],
      brands: ['percocet', 'tylenol'],
    });
    expect(index.codesFor('7804', ['oxycodone']).brands).toEqual(['percocet']);
  });

  it('matches salt forms of multi-ingredient components', () => {
    expect(index.codesFor('725', ['amphetamine']).related).toEqual(['822929']);
    expect(stripSalt('Dextroamphetamine Sulfate')).toBe('dextroamphetamine');
    expect(stripSalt('potassium chloride')).toBe('potassium chloride');
    expect(brandOf('X 5 MG Oral Tablet [Zocor]')).toBe('zocor');
    expect(brandOf('X 5 MG Oral Tablet')).toBeUndefined();
  });
});
