/**
 * Finds vocabulary words within a small edit distance of a misspelt word without scanning the
 * vocabulary: a symmetric-deletion index (SymSpell). Every vocabulary word is indexed under each of its
 * variants with up to `allowedEdits(length)` characters deleted; a query's own deletion variants are
 * looked up and the candidates verified with the exact distance.
 *
 * The index holds no variant strings: each (variant, word) entry is two 32-bit hashes of the variant
 * and the word's number, chained per hash bucket in typed arrays — a handful of heap objects instead
 * of hundreds of thousands of keys and lists for every major collection to trace. A variant matches
 * an entry when both hashes do (a false match needs a 64-bit collision, and the candidate would still
 * have to pass the distance check); entries come back in the order they were indexed.
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

/** FNV-1a. */
function hashA(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** djb2 (xor form), independent enough of FNV-1a that both colliding is a 64-bit event. */
function hashB(text: string): number {
  let h = 5381;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h, 33) ^ text.charCodeAt(i);
  }
  return h >>> 0;
}

export function createFuzzyIndex(vocabulary: Iterable<string>): FuzzyIndex {
  const words: string[] = [];
  const entryA: number[] = [];
  const entryB: number[] = [];
  const entryWord: number[] = [];
  for (const word of new Set(vocabulary)) {
    const edits = allowedEdits(word.length);
    if (edits === 0) {
      continue;
    }
    const variants = new Set<string>([word]);
    deletions(word, edits, variants);
    for (const variant of variants) {
      entryA.push(hashA(variant));
      entryB.push(hashB(variant));
      entryWord.push(words.length);
    }
    words.push(word);
  }
  const a = Uint32Array.from(entryA);
  const b = Uint32Array.from(entryB);
  const wordOf = Uint32Array.from(entryWord);
  const bucketBits = Math.max(4, Math.ceil(Math.log2(Math.max(1, a.length))) + 1);
  const mask = (1 << bucketBits) - 1;
  // Bucket chains in indexing order: `first` and `last` per bucket, `next` per entry (-1 ends).
  const first = new Int32Array(mask + 1).fill(-1);
  const last = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(a.length).fill(-1);
  for (let entry = 0; entry < a.length; entry++) {
    const bucket = (a[entry] ?? 0) & mask;
    const tail = last[bucket] ?? -1;
    if (tail < 0) {
      first[bucket] = entry;
    } else {
      next[tail] = entry;
    }
    last[bucket] = entry;
  }

  return {
    lookup(word) {
      // A query may be up to two characters shorter or longer than the word it misspells.
      const variants = new Set<string>([word]);
      deletions(word, word.length >= 7 ? 2 : 1, variants);
      const found = new Set<string>();
      for (const variant of variants) {
        const ha = hashA(variant);
        const hb = hashB(variant);
        for (let entry = first[ha & mask] ?? -1; entry >= 0; entry = next[entry] ?? -1) {
          if (a[entry] !== ha || b[entry] !== hb) {
            continue;
          }
          const candidate = words[wordOf[entry] ?? 0] ?? '';
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
