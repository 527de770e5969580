/**
 * The term lexicon, built once per knowledge base: every name clinicians or patients write for a KB
 * finding, condition, drug, drug class or test, normalised into a token trie, plus an index of
 * misspellings and the English word list that keeps real words from being "corrected".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { KnowledgeBase } from '../kb/index.js';
import { CAPITALS_ONLY, CLINICAL_ABBREVIATIONS } from './abbreviations.js';
import { createFuzzyIndex, type FuzzyIndex } from './fuzzy-index.js';
import { MEANINGFUL_PUNCT, tokenize } from './tokenize.js';
import { createWordSet, type WordSet } from './word-set.js';

export type LexiconTargetType = 'finding' | 'condition' | 'drug' | 'drug-class' | 'test';

/** A KB entry a term names. For drugs `id` is the ingredient RxCUI. */
export interface LexiconTarget {
  type: LexiconTargetType;
  id: string;
}

export interface TermEntry {
  targets: LexiconTarget[];
  /** An acronym or listed abbreviation (`SOB`, `CBC`). */
  abbreviation: boolean;
  /** Matches only when written in capitals: an abbreviation that is also an English word (`PE`). */
  upperOnly: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  term?: TermEntry;
}

export interface Lexicon {
  root: TrieNode;
  /** Normal forms of every token of every term. */
  vocabulary: ReadonlySet<string>;
  fuzzy: FuzzyIndex;
  isEnglishWord(lower: string): boolean;
  termCount: number;
}

interface RawTerm {
  text: string;
  target: LexiconTarget;
  /** Initials of the entry's names, to recognise acronyms of them (`sob`). */
  initials: ReadonlySet<string>;
  listedAbbreviation?: { anyCase: boolean };
}

/** Normal-form tokens of a term; comparison signs and `%` are kept, other punctuation dropped. */
export function termTokens(term: string): string[] {
  return tokenize(term)
    .filter((t) => t.kind !== 'punct' || MEANINGFUL_PUNCT.has(t.raw))
    .map((t) => t.norm);
}

/** The ways a name is written: as listed, and without its parentheticals (`flank (loin) pain`). */
function variants(name: string): string[] {
  const bare = name.replace(/\s*\([^)]*\)/g, '').trim();
  return bare === name || bare === '' ? [name] : [name, bare];
}

const MINOR_WORDS = new Set(['of', 'and', 'the', 'in', 'on', 'with', 'to', 'a']);

function initials(name: string, skipMinor: boolean): string {
  return tokenize(name)
    .filter((t) => t.kind === 'word' && !(skipMinor && MINOR_WORDS.has(t.lower)))
    .map((t) => t.lower[0] ?? '')
    .join('');
}

function isAcronym(term: string, entryInitials: ReadonlySet<string>): boolean {
  return /^[a-z0-9]{2,6}$/.test(term) && entryInitials.has(term);
}

function rawTerms(kb: KnowledgeBase): RawTerm[] {
  const out: RawTerm[] = [];
  const push = (target: LexiconTarget, names: readonly string[]): void => {
    const entryInitials = new Set<string>();
    for (const name of names) {
      if (/\s/.test(name.trim())) {
        entryInitials.add(initials(name, false));
        entryInitials.add(initials(name, true));
      }
    }
    for (const text of names) {
      out.push({ text, target, initials: entryInitials });
    }
  };
  for (const f of kb.findings) {
    push({ type: 'finding', id: f.id }, [f.display, ...f.synonyms, ...f.layTerms]);
  }
  for (const c of kb.conditions) {
    push({ type: 'condition', id: c.id }, [c.display, ...c.synonyms]);
  }
  for (const d of kb.drugs) {
    push({ type: 'drug', id: d.rxcui }, [
      d.name,
      ...d.brands,
      ...(d.synonyms ?? []).map((n) => n.name),
    ]);
  }
  for (const c of kb.drugClasses) {
    push({ type: 'drug-class', id: c.id }, [c.display]);
  }
  for (const t of kb.tests) {
    const codeNames = t.codes.flatMap((c) => (c.display === undefined ? [] : [c.display]));
    push({ type: 'test', id: t.id }, [t.display, ...codeNames]);
  }
  return out;
}

const keyOf = (tokens: readonly string[]): string => tokens.join(' ');

/**
 * The English word list as a compact set. Read from the package's JSON file rather than imported, so
 * the parsed array (a quarter of a million strings) is garbage once the set is built instead of being
 * held by the module for the life of the process.
 */
function englishWordSet(): WordSet {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  return createWordSet(JSON.parse(readFileSync(file, 'utf8')) as string[]);
}

export function createLexicon(kb: KnowledgeBase): Lexicon {
  const english = englishWordSet();
  const isEnglishWord = (lower: string): boolean => english.has(lower);
  const root: TrieNode = { next: new Map() };
  const vocabulary = new Set<string>();
  const byKey = new Map<string, LexiconTarget[]>();
  let termCount = 0;

  const insert = (
    tokens: readonly string[],
    target: LexiconTarget,
    entry: Omit<TermEntry, 'targets'>,
  ): void => {
    if (tokens.length === 0) {
      return;
    }
    let node = root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map() };
        node.next.set(token, child);
      }
      node = child;
      vocabulary.add(token);
    }
    if (!node.term) {
      node.term = { targets: [], ...entry };
      termCount += 1;
    } else {
      // A name that is a plain word for one entry and an acronym for another stays usable in any case.
      node.term.upperOnly &&= entry.upperOnly;
      node.term.abbreviation &&= entry.abbreviation;
    }
    if (!node.term.targets.some((t) => t.type === target.type && t.id === target.id)) {
      node.term.targets.push(target);
    }
  };

  for (const raw of rawTerms(kb)) {
    for (const variant of variants(raw.text)) {
      const tokens = termTokens(variant);
      const lower = variant.trim().toLowerCase();
      const acronym = tokens.length === 1 && isAcronym(lower, raw.initials);
      insert(tokens, raw.target, {
        abbreviation: acronym,
        upperOnly: acronym && (lower.length <= 2 || isEnglishWord(lower)),
      });
      const key = keyOf(tokens);
      byKey.set(key, [...(byKey.get(key) ?? []), raw.target]);
    }
  }

  for (const { abbr, expansions, anyCase } of CLINICAL_ABBREVIATIONS) {
    const targets = expansions.flatMap((e) => byKey.get(keyOf(termTokens(e))) ?? []);
    const tokens = termTokens(abbr);
    const singleWord = tokens.length === 1 && /^[a-z]+$/.test(abbr);
    for (const target of targets) {
      insert(tokens, target, {
        abbreviation: true,
        upperOnly: !anyCase && singleWord && (abbr.length <= 2 || isEnglishWord(abbr)),
      });
    }
  }

  // One-word names that are two letters, or listed as ambiguous, need capitals whatever the KB says.
  const anyCase = new Set(CLINICAL_ABBREVIATIONS.filter((a) => a.anyCase).map((a) => a.abbr));
  for (const [word, node] of root.next) {
    if (node.term && !anyCase.has(word) && (CAPITALS_ONLY.has(word) || /^[a-z]{1,2}$/.test(word))) {
      node.term.upperOnly = true;
      node.term.abbreviation = true;
    }
  }

  return {
    root,
    vocabulary,
    fuzzy: createFuzzyIndex([...vocabulary].filter((w) => /^\p{L}+$/u.test(w))),
    isEnglishWord,
    termCount,
  };
}
