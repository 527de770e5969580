import { describe, expect, it } from 'vitest';
import {
  internationalNames,
  parseSynonymTable,
  synonymsByDrug,
  type SynonymRow,
} from './drug-synonyms.js';

const drugNames = new Map<string, readonly string[]>([
  ['acetaminophen', ['acetaminophen', 'tylenol']],
  ['amoxicillin', ['amoxicillin', 'augmentin']],
  ['clavulanate', ['clavulanate', 'augmentin']],
]);

describe('international names table', () => {
  it('parses name, drugs (a compound name lists each ingredient), kind and sources', () => {
    expect(
      parseSynonymTable(`
# a comment
Paracetamol | acetaminophen | international | who-inn bnf-approved-names
co-amoxiclav | amoxicillin + clavulanate | compound | bnf-approved-names
`),
    ).toEqual([
      {
        name: 'paracetamol',
        drugs: ['acetaminophen'],
        kind: 'international',
        sources: ['who-inn', 'bnf-approved-names'],
      },
      {
        name: 'co-amoxiclav',
        drugs: ['amoxicillin', 'clavulanate'],
        kind: 'compound',
        sources: ['bnf-approved-names'],
      },
    ]);
    expect(() => parseSynonymTable('x | acetaminophen | nickname | who-inn')).toThrow(
      /unknown kind nickname/,
    );
  });

  it('gives each drug its synonyms, a compound name to every ingredient', () => {
    const rows = parseSynonymTable(`
paracetamol | acetaminophen | international | who-inn
co-amoxiclav | amoxicillin + clavulanate | compound | bnf-approved-names
`);
    const byDrug = synonymsByDrug({ rows, drugNames });
    expect(byDrug.get('acetaminophen')).toEqual([
      { name: 'paracetamol', kind: 'international', sources: ['who-inn'] },
    ]);
    expect(byDrug.get('clavulanate')?.map((s) => s.name)).toEqual(['co-amoxiclav']);
  });

  it('refuses an unknown drug, a name another drug already has, a lone compound and a repeat', () => {
    const row = (over: Partial<SynonymRow>): SynonymRow => ({
      name: 'x',
      drugs: ['acetaminophen'],
      kind: 'international',
      sources: ['who-inn'],
      ...over,
    });
    const problems = (rows: SynonymRow[]) => {
      try {
        synonymsByDrug({ rows, drugNames });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems([row({ drugs: ['paracetamol'] })])).toContain(
      'no catalog drug named paracetamol',
    );
    expect(problems([row({ name: 'augmentin' })])).toContain('augmentin: already a name of');
    expect(problems([row({ kind: 'compound' })])).toContain('a compound name lists two or more');
    expect(problems([row({}), row({})])).toContain('x: listed twice');
  });

  it('ships names for the drugs UK/EU notes use, each with a source', () => {
    const names = new Map(internationalNames().map((r) => [r.name, r.drugs]));
    expect(names.get('paracetamol')).toEqual(['acetaminophen']);
    expect(names.get('salbutamol')).toEqual(['albuterol']);
    expect(names.get('adrenaline')).toEqual(['epinephrine']);
    expect(names.get('glyceryl trinitrate')).toEqual(['nitroglycerin']);
    expect(names.get('gtn')).toEqual(['nitroglycerin']);
    expect(names.get('co-amoxiclav')).toEqual(['amoxicillin', 'clavulanate']);
    expect(names.get('frusemide')).toEqual(['furosemide']);
    expect(names.get('lignocaine')).toEqual(['lidocaine']);
    expect(internationalNames().every((r) => r.sources.length > 0)).toBe(true);
  });
});
