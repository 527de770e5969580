/** How a finding, condition or drug is worded in a note: KB display, synonyms and lay terms, with typos. */
import type { Condition, Finding } from '@mediassist/shared/kb';
import type { Random } from './random.js';

/** Terms that carry numbers or comparisons read as measurements; notes avoid them as names. */
const MEASUREMENT_LIKE = /[0-9<>=]/;

const usable = (terms: readonly string[]): string[] =>
  terms.filter((t) => !MEASUREMENT_LIKE.test(t) && t.length > 2);

export interface PhraseBook {
  clinical(finding: Finding, random: Random): string;
  lay(finding: Finding, random: Random): string;
  condition(condition: Condition, random: Random): string;
}

/** One letter pair swapped inside a longer word, as in a hurried note. */
export function misspell(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[a-z]{7,}$/.test(w));
  if (candidates.length === 0) {
    return text;
  }
  const { w, i } = random.pick(candidates);
  const at = 2 + random.int(w.length - 4);
  words[i] = w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2);
  return words.join(' ');
}

export function createPhraseBook(options: { typoRate: number }): PhraseBook {
  const clinicalCache = new Map<string, string[]>();
  const layCache = new Map<string, string[]>();
  const conditionCache = new Map<string, string[]>();
  const clinicalTerms = (f: Finding): string[] => {
    let terms = clinicalCache.get(f.id);
    if (!terms) {
      terms = [f.display.toLowerCase(), ...usable(f.synonyms)];
      clinicalCache.set(f.id, terms);
    }
    return terms;
  };
  const maybeTypo = (text: string, random: Random): string =>
    random.chance(options.typoRate) ? misspell(text, random) : text;
  return {
    clinical(finding, random) {
      const terms = clinicalTerms(finding);
      // The display name half of the time, else any synonym.
      const term = random.chance(0.5) ? (terms[0] ?? finding.id) : random.pick(terms);
      return maybeTypo(term, random);
    },
    lay(finding, random) {
      let terms = layCache.get(finding.id);
      if (!terms) {
        terms = usable(finding.layTerms);
        layCache.set(finding.id, terms);
      }
      return terms.length > 0 ? random.pick(terms) : this.clinical(finding, random);
    },
    condition(condition, random) {
      let terms = conditionCache.get(condition.id);
      if (!terms) {
        terms = [condition.display, ...usable(condition.synonyms)];
        conditionCache.set(condition.id, terms);
      }
      return random.chance(0.6) ? (terms[0] ?? condition.id) : random.pick(terms);
    },
  };
}
