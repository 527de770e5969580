import { describe, expect, it } from 'vitest';
import type { Drug } from '../kb/index.js';
import { createDrugResolver } from './drug-resolver.js';

const drug = (rxcui: string, name: string, extra: Partial<Drug> = {}): Drug => ({
  rxcui,
  name,
  classes: ['c'],
  brands: [],
  relatedRxcuis: [],
  sources: ['s'],
  ...extra,
});

const resolver = createDrugResolver({
  drugs: [
    drug('6918', 'metoprolol', { brands: ['lopressor', 'toprol-xl'], relatedRxcuis: ['866414'] }),
    drug('161', 'acetaminophen', { brands: ['tylenol', 'percocet'], relatedRxcuis: ['1049221'] }),
    drug('7804', 'oxycodone', { brands: ['percocet', 'oxycontin'], relatedRxcuis: ['1049221'] }),
    drug('7984', 'penicillin v'),
    drug('8591', 'potassium chloride'),
  ],
});
const names = (ref: string): string[] => resolver.resolve(ref).drugs.map((d) => d.name);

describe('createDrugResolver', () => {
  it('resolves ingredient, clinical and branded RxCUIs', () => {
    expect(names('6918')).toEqual(['metoprolol']);
    expect(names(' 866414 ')).toEqual(['metoprolol']);
  });

  it('resolves a combination product RxCUI or brand to every ingredient', () => {
    expect(names('1049221')).toEqual(['acetaminophen', 'oxycodone']);
    expect(names('Percocet')).toEqual(['acetaminophen', 'oxycodone']);
  });

  it('matches generic and brand names case-insensitively', () => {
    expect(names('METOPROLOL')).toEqual(['metoprolol']);
    expect(names('Toprol-XL')).toEqual(['metoprolol']);
  });

  it('ignores strengths, salts and dose forms', () => {
    expect(names('Metoprolol Succinate 100 MG Extended Release Oral Tablet')).toEqual([
      'metoprolol',
    ]);
    expect(names('Penicillin V Potassium 500 MG Oral Tablet')).toEqual(['penicillin v']);
    expect(names('Potassium Chloride 20 MEQ')).toEqual(['potassium chloride']);
    expect(names('Oxycodone 5 MG Oral Tablet [Oxycontin]')).toEqual(['oxycodone']);
  });

  it('splits combination names and reports the parts it cannot resolve', () => {
    expect(resolver.resolve('acetaminophen / oxycodone').drugs.map((d) => d.name)).toEqual([
      'acetaminophen',
      'oxycodone',
    ]);
    expect(resolver.resolve('metoprolol / unobtainium')).toMatchObject({
      unresolvedParts: ['unobtainium'],
    });
  });

  it('reports unknown RxCUIs and names as unresolved', () => {
    expect(resolver.resolve('999999')).toEqual({ drugs: [], unresolvedParts: ['999999'] });
    expect(resolver.resolve('unobtainium').unresolvedParts).toEqual(['unobtainium']);
  });
});
