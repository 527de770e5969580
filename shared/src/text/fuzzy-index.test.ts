import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedEditDistance } from './edit-distance.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { createFuzzyIndex } from './fuzzy-index.js';
import { createLexicon } from './lexicon.js';

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

/** The index as first written (a Map from every deletion variant to its words): the reference. */
function mapFuzzyIndex(vocabulary: Iterable<string>) {
  const deletions = (word: string, depth: number, into: Set<string>): void => {
    if (depth === 0) {
      return;
    }
    for (let i = 0; i < word.length; i++) {
      const variant = word.slice(0, i) + word.slice(i + 1);
      if (!into.has(variant)) {
        into.add(variant);
        deletions(variant, depth - 1, into);
      }
    }
  };
  const index = new Map<string, string[]>();
  for (const word of new Set(vocabulary)) {
    const edits = allowedEdits(word.length);
    if (edits === 0) {
      continue;
    }
    const variants = new Set<string>([word]);
    deletions(word, edits, variants);
    for (const variant of variants) {
      index.set(variant, [...(index.get(variant) ?? []), word]);
    }
  }
  return (word: string): string[] => {
    const variants = new Set<string>([word]);
    deletions(word, word.length >= 7 ? 2 : 1, variants);
    const found = new Set<string>();
    for (const variant of variants) {
      for (const candidate of index.get(variant) ?? []) {
        const max = allowedEdits(candidate.length);
        if (candidate !== word && !found.has(candidate)) {
          if (boundedEditDistance(word, candidate, max) <= max) {
            found.add(candidate);
          }
        }
      }
    }
    return [...found];
  };
}

describe('createFuzzyIndex on the shipped vocabulary', () => {
  it('answers every misspelling exactly as the Map-based index, in the same order', () => {
    const { vocabulary } = createLexicon(loadKnowledgeBase());
    const words = [...vocabulary].filter((w) => /^\p{L}+$/u.test(w));
    const compact = createFuzzyIndex(words);
    const reference = mapFuzzyIndex(words);
    const queries = words.flatMap((w, i) => {
      const at = i % Math.max(1, w.length);
      return [
        w,
        w.slice(0, at) + w.slice(at + 1),
        `${w.slice(0, at)}e${w.slice(at)}`,
        `${w.slice(0, at)}x${w.slice(at + 1)}`,
        w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2),
      ];
    });
    let corrected = 0;
    for (const query of queries) {
      const found = compact.lookup(query);
      expect(found, query).toEqual(reference(query));
      corrected += found.length > 0 ? 1 : 0;
    }
    expect(words.length).toBeGreaterThan(1_000);
    expect(corrected).toBeGreaterThan(words.length);
  });
});
