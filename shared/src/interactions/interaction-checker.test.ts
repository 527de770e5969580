import { describe, expect, it } from 'vitest';
import type { Drug, Interaction } from '../kb/index.js';
import { createInteractionChecker } from './interaction-checker.js';

const drug = (rxcui: string, name: string, extra: Partial<Drug> & { classes: string[] }): Drug => ({
  rxcui,
  name,
  brands: [],
  relatedRxcuis: [],
  sources: ['s'],
  ...extra,
});

const rule = (id: string, fields: Partial<Interaction>): Interaction => ({
  id,
  a: { rxcuis: [], classes: ['x'] },
  b: { rxcuis: [], classes: ['y'] },
  severity: 'moderate',
  mechanism: 'm',
  consequence: 'c',
  management: 'g',
  sources: [`src-${id}`],
  ...fields,
});

const drugs = [
  drug('1', 'alpha', { classes: ['x'], brands: ['alphabrand'], relatedRxcuis: ['100', '900'] }),
  drug('2', 'beta', { classes: ['y'], relatedRxcuis: ['900'] }),
  drug('3', 'gamma', { classes: ['z'] }),
  drug('4', 'delta', { classes: ['y', 'w'] }),
  drug('5', 'epsilon', { classes: ['x'] }),
];
const interactions = [
  rule('x-y', { severity: 'moderate' }),
  rule('alpha-delta', {
    a: { rxcuis: ['1'], classes: [] },
    b: { rxcuis: ['4'], classes: [] },
    severity: 'major',
  }),
  rule('x-y-onc', {
    b: { rxcuis: ['4'], classes: [] },
    severity: 'major',
    oncGroup: 8,
  }),
  rule('x-y-with-z', { also: { rxcuis: [], classes: ['z'] }, severity: 'contraindicated' }),
  rule('x-w-minor', { b: { rxcuis: [], classes: ['w'] }, severity: 'minor' }),
];
const checker = createInteractionChecker({ drugs, interactions, version: '9.9.9' });

describe('createInteractionChecker', () => {
  it('warns for a proposed drug against an active drug, in either selector order', () => {
    const forward = checker.check({ proposed: ['alpha'], active: ['beta'] });
    const reverse = checker.check({ proposed: ['beta'], active: ['alpha'] });
    expect(forward.warnings.map((w) => w.interactionId)).toEqual(['x-y']);
    expect(reverse.warnings.map((w) => w.interactionId)).toEqual(['x-y']);
    expect(forward.kbVersion).toBe('9.9.9');
  });

  it('keeps one warning per pair: the most severe rule, ONC first on ties, all sources listed', () => {
    const [warning, ...rest] = checker.check({ proposed: ['delta'], active: ['alpha'] }).warnings;
    expect(rest).toEqual([]);
    expect(warning?.interactionId).toBe('x-y-onc');
    expect(warning?.severity).toBe('major');
    expect(warning?.oncGroup).toBe(8);
    expect(warning?.alsoMatched).toEqual(['x-y', 'alpha-delta', 'x-w-minor']);
    expect(warning?.sources).toEqual([
      'src-x-y',
      'src-alpha-delta',
      'src-x-y-onc',
      'src-x-w-minor',
    ]);
  });

  it('fires a three-drug rule only when the third drug is among the inputs, and names it', () => {
    const without = checker.check({ proposed: ['alpha'], active: ['beta'] });
    expect(without.warnings[0]?.severity).toBe('moderate');
    const withThird = checker.check({ proposed: ['alpha'], active: ['beta', 'gamma'] });
    expect(withThird.warnings[0]?.interactionId).toBe('x-y-with-z');
    expect(withThird.warnings[0]?.context?.name).toBe('gamma');
  });

  it('checks proposed drugs against each other but not active drugs against each other', () => {
    expect(checker.check({ proposed: ['alpha', 'beta'], active: [] }).warnings).toHaveLength(1);
    expect(checker.check({ proposed: [], active: ['alpha', 'beta'] }).warnings).toEqual([]);
  });

  it('sorts warnings most severe first', () => {
    const { warnings } = checker.check({ proposed: ['alpha'], active: ['beta', 'delta'] });
    expect(warnings.map((w) => w.severity)).toEqual(['major', 'moderate']);
  });

  it('resolves brands and related RxCUIs and reports which inputs matched', () => {
    const { warnings } = checker.check({ proposed: ['ALPHABRAND'], active: ['100', 'beta'] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.drugs).toEqual([
      { input: 'ALPHABRAND', role: 'proposed', rxcui: '1', name: 'alpha' },
      { input: 'beta', role: 'active', rxcui: '2', name: 'beta' },
    ]);
  });

  it('never pairs the ingredients of one combination product with each other', () => {
    expect(checker.check({ proposed: ['900'], active: [] }).warnings).toEqual([]);
    expect(checker.check({ proposed: ['900'], active: ['delta'] }).warnings).toHaveLength(1);
  });

  it('does not warn for the same ingredient given twice', () => {
    expect(checker.check({ proposed: ['alpha'], active: ['1', 'epsilon'] }).warnings).toEqual([]);
  });

  it('reports unresolvable inputs instead of dropping them', () => {
    const result = checker.check({ proposed: ['zeta', 'alpha / omega'], active: ['424242'] });
    expect(result.unresolved).toEqual([
      { input: 'zeta', role: 'proposed', unresolvedParts: ['zeta'] },
      { input: 'alpha / omega', role: 'proposed', unresolvedParts: ['omega'] },
      { input: '424242', role: 'active', unresolvedParts: ['424242'] },
    ]);
  });
});
