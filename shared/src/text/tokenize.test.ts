import { describe, expect, it } from 'vitest';
import { stem, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps dotted and slash abbreviations whole and strips their dots in the normal form', () => {
    const tokens = tokenize('Amoxicillin p.o. b.i.d., r/o PE');
    expect(tokens.map((t) => t.lower)).toEqual(['amoxicillin', 'po', 'bid', ',', 'r/o', 'pe']);
    expect(tokens[1]).toMatchObject({ start: 12, end: 16, raw: 'p.o.' });
  });

  it('reads decimals as one number and keeps character offsets', () => {
    const text = 'T 38.5 today';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.kind, t.raw])).toEqual([
      ['word', 'T'],
      ['number', '38.5'],
      ['word', 'today'],
    ]);
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.raw);
    }
  });

  it('tokenises a sub-range with offsets into the whole text', () => {
    const tokens = tokenize('abc cough', 4);
    expect(tokens).toEqual([
      { start: 4, end: 9, kind: 'word', raw: 'cough', lower: 'cough', norm: 'cough' },
    ]);
  });
});

describe('stem', () => {
  it.each([
    ['headaches', 'headache'],
    ['rashes', 'rash'],
    ['wheezes', 'wheeze'],
    ['stools', 'stool'],
    ['allergies', 'allergy'],
    ['diabetes', 'diabetes'],
  ])('folds %s and %s to one form', (plural, singular) => {
    expect(stem(plural)).toBe(stem(singular));
  });

  it('never folds a plural into a different short word (hives is not HIV)', () => {
    expect(stem('hives')).toBe('hive');
    expect(stem('hives')).not.toBe(stem('hiv'));
  });

  it('leaves -us, -is and short words alone', () => {
    expect(stem('sinus')).toBe('sinus');
    expect(stem('bronchitis')).toBe('bronchitis');
    expect(stem('has')).toBe('has');
  });
});
