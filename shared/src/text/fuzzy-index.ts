/**
 * Finds vocabulary words within a small edit distance of a misspelt word without scanning the
 * vocabulary: a symmetric-deletion index (SymSpell). Every vocabulary word is indexed under each of its
 * variants with up to `allowedEdits(length)` characters deleted; a query's own deletion variants are
 * looked up and the candidates verified with the exact distance.
 */
import { allowedEdits, boundedEditDistance } from './edit-distance.js';

export interface FuzzyIndex {
  /** Vocabulary words within the allowed distance of `word` (by the vocabulary word's length). */
  lookup(word: string): string[];
}

function deletions(word: string, depth: number, into: Set<string>): void {
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
}

export function createFuzzyIndex(vocabulary: Iterable<string>): FuzzyIndex {
  const index = new Map<string, string[]>();
  const add = (key: string, word: string): void => {
    const list = index.get(key);
    if (list) {
      list.push(word);
    } else {
      index.set(key, [word]);
    }
  };
  for (const word of new Set(vocabulary)) {
    const edits = allowedEdits(word.length);
    if (edits === 0) {
      continue;
    }
    const variants = new Set<string>([word]);
    deletions(word, edits, variants);
    for (const variant of variants) {
      add(variant, word);
    }
  }

  return {
    lookup(word) {
      // A query may be up to two characters shorter or longer than the word it misspells.
      const variants = new Set<string>([word]);
      deletions(word, word.length >= 7 ? 2 : 1, variants);
      const found = new Set<string>();
      for (const variant of variants) {
        for (const candidate of index.get(variant) ?? []) {
          if (candidate !== word && !found.has(candidate)) {
            const max = allowedEdits(candidate.length);
            if (boundedEditDistance(word, candidate, max) <= max) {
              found.add(candidate);
            }
          }
        }
      }
      return [...found];
    },
  };
}
