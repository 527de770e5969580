import englishWords from 'an-array-of-english-words' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createWordSet } from './word-set.js';

describe('createWordSet', () => {
  it('holds exactly the English word list: every word in, near misses out', () => {
    const set = createWordSet(englishWords);
    const reference = new Set(englishWords);
    expect(set.size).toBe(reference.size);
    const queries = englishWords.flatMap((w) => [w, `${w}q`, w.slice(1), w.toUpperCase(), `${w} `]);
    const wrong = queries.filter((word) => set.has(word) !== reference.has(word));
    expect(wrong).toEqual([]);
    expect(queries.filter((word) => set.has(word)).length).toBeGreaterThan(englishWords.length);
  });

  it('answers for the empty set, the empty string and non-ASCII words', () => {
    expect(createWordSet([]).has('a')).toBe(false);
    const set = createWordSet(['é', 'a', '', 'zz', 'ångström']);
    expect(['', 'a', 'é', 'ångström', 'zz'].map((w) => set.has(w))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['b', 'ångstrom', 'z', 'e'].map((w) => set.has(w))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
