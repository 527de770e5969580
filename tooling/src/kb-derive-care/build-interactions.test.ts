import { describe, expect, it } from 'vitest';
import {
  buildCuratedInteractions,
  buildOncInteractions,
  oncGroupRows,
  type Resolver,
} from './build-interactions.js';
import type { OncGroupSpec } from './rules/onc-groups.js';

const codes: Record<string, string> = { a: '1', b: '2', c: '3', d: '4', e: '5' };
const resolver: Resolver = {
  rxcuiOf: (name) => codes[name],
  hasClass: (id) => id === 'qt',
};
const rows = oncGroupRows(
  [
    { group_id: '7', object_drugs: 'A|Nsaid', precipitant_drugs: 'B|C|Dee' },
    { group_id: '9', object_drugs: '', precipitant_drugs: '' },
  ],
  { dee: 'd' },
);
const spec = (fields: Partial<OncGroupSpec>): OncGroupSpec => ({
  group: 7,
  id: 'g7',
  mechanism: 'm',
  consequence: 'c',
  splits: [{ idSuffix: '', severity: 'major', management: 'x' }],
  ...fields,
});
const qt = spec({ group: 9, id: 'g9', classSelector: 'qt' });

describe('ONC group expansion', () => {
  it('splits precipitants by severity, the last split taking the rest, and drops ignored names', () => {
    const rules = buildOncInteractions({
      specs: [
        spec({
          ignore: { nsaid: 'artefact' },
          addPrecipitants: ['e'],
          splits: [
            { idSuffix: '-c', severity: 'contraindicated', precipitants: ['c'], management: 'no' },
            { idSuffix: '-rest', severity: 'major', management: 'care' },
          ],
        }),
        qt,
      ],
      rows,
      resolver,
    });
    expect(rules.map((r) => [r.id, r.severity, r.a.rxcuis, r.b.rxcuis, r.oncGroup])).toEqual([
      ['g7-c', 'contraindicated', ['1'], ['3'], 7],
      ['g7-rest', 'major', ['1'], ['2', '4', '5'], 7],
      ['g9', 'major', [], [], 9],
    ]);
    expect(rules[2]?.a.classes).toEqual(['qt']);
  });

  it('fails on unknown drugs, missing split drugs and a group count mismatch', () => {
    expect(() => buildOncInteractions({ specs: [spec({}), qt], rows, resolver })).toThrow(
      /unknown drug nsaid/,
    );
    const missing = spec({
      ignore: { nsaid: 'x' },
      splits: [{ idSuffix: '', severity: 'major', precipitants: ['z'], management: 'x' }],
    });
    expect(() => buildOncInteractions({ specs: [missing, qt], rows, resolver })).toThrow(
      /z not in the table/,
    );
    expect(() => buildOncInteractions({ specs: [qt], rows, resolver })).toThrow(/groups/);
  });
});

describe('curated rules', () => {
  it('resolve drug names to RxCUIs and @ids to classes, keeping three-drug selectors', () => {
    const [rule] = buildCuratedInteractions(
      [
        {
          id: 'r',
          a: ['a', '@qt'],
          b: ['b'],
          also: ['@qt'],
          severity: 'minor',
          mechanism: 'm',
          consequence: 'c',
          management: 'g',
          sources: ['s'],
        },
      ],
      resolver,
    );
    expect(rule).toMatchObject({
      a: { rxcuis: ['1'], classes: ['qt'] },
      b: { rxcuis: ['2'], classes: [] },
      also: { rxcuis: [], classes: ['qt'] },
    });
  });
});
