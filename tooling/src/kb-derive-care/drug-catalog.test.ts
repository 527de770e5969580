import { describe, expect, it } from 'vitest';
import { classCatalog, drugCatalog, parseDrugTable } from './drug-catalog.js';

describe('the curated drug catalog', () => {
  it('lists at least 300 distinct drugs whose classes all exist', () => {
    const drugs = drugCatalog();
    const classes = new Set(classCatalog().map((c) => c.id));
    expect(drugs.length).toBeGreaterThanOrEqual(300);
    expect(new Set(drugs.map((d) => d.name)).size).toBe(drugs.length);
    expect(drugs.flatMap((d) => d.classes.filter((c) => !classes.has(c)))).toEqual([]);
  });

  it('parses names, classes, doses and options', () => {
    expect(
      parseDrugTable(
        'lithium | mood-stabilizer x | 600 mg | rx=Lithium Carbonate; alsoCui=6448; brands=A, b',
      ),
    ).toEqual([
      {
        name: 'lithium',
        rxnormName: 'lithium carbonate',
        classes: ['mood-stabilizer', 'x'],
        typicalDose: '600 mg',
        alsoRxcuis: ['6448'],
        extraBrands: ['a', 'b'],
      },
    ]);
    expect(parseDrugTable('x | c | d | cui=42')[0]?.curatedRxcui).toBe('42');
  });
});
