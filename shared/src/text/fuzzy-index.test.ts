import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedEditDistance } from './edit-distance.js';
import { createFuzzyIndex } from './fuzzy-index.js';

describe('boundedEditDistance', () => {
  it('counts a transposition as one edit (Damerau)', () => {
    expect(boundedEditDistance('fevre', 'fever', 2)).toBe(1);
    expect(boundedEditDistance('cuogh', 'cough', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(boundedEditDistance('feaver', 'fever', 2)).toBe(1);
    expect(boundedEditDistance('diarrea', 'diarrhea', 2)).toBe(1);
    expect(boundedEditDistance('pnuemonia', 'pneumonia', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('stops at max + 1', () => {
    expect(boundedEditDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('allows none below 5 characters, one from 5, two from 9', () => {
    expect([4, 5, 8, 9].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });
});

describe('createFuzzyIndex', () => {
  const index = createFuzzyIndex(['fever', 'cough', 'pneumonia', 'diarrhea', 'lisinopril', 'rash']);

  it('finds vocabulary words within the distance their length allows', () => {
    expect(index.lookup('feaver')).toEqual(['fever']);
    expect(index.lookup('couhg')).toEqual(['cough']);
    expect(index.lookup('lisnoprl')).toEqual(['lisinopril']);
    expect(index.lookup('pnuemonia')).toEqual(['pneumonia']);
  });

  it('never corrects towards a short word or beyond the limit', () => {
    expect(index.lookup('rasj')).toEqual([]);
    expect(index.lookup('fvvrr')).toEqual([]);
  });
});
