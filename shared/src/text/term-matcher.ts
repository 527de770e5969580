/** Finds lexicon terms in a run of tokens: longest match first, exact before misspelt. */
import type { MatchKind } from './summary-schema.js';
import type { Lexicon, LexiconTarget, TrieNode } from './lexicon.js';
import { JOINERS, MEANINGFUL_PUNCT, type Token } from './tokenize.js';

export interface TermMatch {
  /** Token indexes `[first, last]` in the array searched. */
  first: number;
  last: number;
  start: number;
  end: number;
  targets: readonly LexiconTarget[];
  match: Exclude<MatchKind, 'measurement'>;
}

/** Per-call memo of fuzzy look-ups (misspellings repeat within a note). */
export type FuzzyCache = Map<string, readonly string[]>;

const LETTERS = /^\p{L}+$/u;

function fuzzyForms(lexicon: Lexicon, token: Token, cache: FuzzyCache): readonly string[] {
  if (
    token.kind !== 'word' ||
    token.lower.length < 4 ||
    !LETTERS.test(token.lower) ||
    lexicon.vocabulary.has(token.norm) ||
    lexicon.isEnglishWord(token.lower)
  ) {
    return [];
  }
  let forms = cache.get(token.norm);
  if (!forms) {
    forms = lexicon.fuzzy.lookup(token.norm);
    cache.set(token.norm, forms);
  }
  return forms;
}

function isUpper(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const raw = tokens[i]?.raw ?? '';
    if (raw !== raw.toUpperCase()) {
      return false;
    }
  }
  return true;
}

interface Best {
  last: number;
  fuzzy: number;
  node: TrieNode;
}

/**
 * All term matches in `tokens[from, to)`, left to right, never overlapping. Terms never span
 * punctuation other than joiners (`-`, `/`, `'`), so a list "fever, cough" is two terms.
 */
export function matchTerms(
  lexicon: Lexicon,
  tokens: readonly Token[],
  cache: FuzzyCache = new Map(),
): TermMatch[] {
  const matches: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first || first.kind === 'punct') {
      i += 1;
      continue;
    }
    let best: Best | undefined;
    const walk = (node: TrieNode, index: number, fuzzyCount: number): void => {
      const token = tokens[index];
      if (
        !token ||
        (token.kind === 'punct' && (node === lexicon.root || !MEANINGFUL_PUNCT.has(token.raw)))
      ) {
        return;
      }
      const step = (child: TrieNode | undefined, fuzzy: number): void => {
        if (!child) {
          return;
        }
        if (
          child.term &&
          (!child.term.upperOnly || isUpper(tokens, i, index)) &&
          (!best || index > best.last || (index === best.last && fuzzy < best.fuzzy))
        ) {
          best = { last: index, fuzzy, node: child };
        }
        // Continue past joiners only (`x-ray`, `n/v`).
        let next = index + 1;
        while (
          tokens[next]?.kind === 'punct' &&
          JOINERS.has(tokens[next]?.raw ?? '') &&
          !child.next.has(tokens[next]?.raw ?? '')
        ) {
          next += 1;
        }
        if (child.next.size > 0) {
          walk(child, next, fuzzy);
        }
      };
      step(node.next.get(token.norm), fuzzyCount);
      if (token.lower !== token.norm) {
        step(node.next.get(token.lower), fuzzyCount);
      }
      for (const form of fuzzyForms(lexicon, token, cache)) {
        step(node.next.get(form), fuzzyCount + 1);
      }
    };
    walk(lexicon.root, i, 0);
    const found = best;
    if (found?.node.term) {
      const lastToken = tokens[found.last];
      matches.push({
        first: i,
        last: found.last,
        start: first.start,
        end: lastToken?.end ?? first.end,
        targets: found.node.term.targets,
        match: found.fuzzy > 0 ? 'fuzzy' : found.node.term.abbreviation ? 'abbreviation' : 'exact',
      });
      i = found.last + 1;
    } else {
      i += 1;
    }
  }
  return matches;
}
