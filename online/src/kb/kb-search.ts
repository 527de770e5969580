/**
 * Typeahead over the knowledge base: findings (display, synonyms, lay terms), conditions (display,
 * synonyms) and drugs (ingredient, brands, and international, former and compound names such as
 * paracetamol or co-amoxiclav, which name the ingredient and say which kind of name matched). Built once from the KB; each query is a linear scan of
 * the pre-normalised names, which is well under a millisecond at KB scale.
 */
import type { KbEntryType, KbSearchHit, KbSearchQuery } from '@mediassist/shared/api';
import { CODE_SYSTEMS, type DrugSynonym, type KnowledgeBase } from '@mediassist/shared/kb';
import { normalizeTerm } from './normalize-term.js';

type MatchField = KbSearchHit['field'];

interface IndexedName {
  entry: Omit<KbSearchHit, 'matched' | 'field'>;
  name: string;
  field: MatchField;
  /** Set for a drug synonym: which kind of name it is. */
  synonymKind?: DrugSynonym['kind'];
  normalized: string;
  words: readonly string[];
}

/** Rank of a match kind, best first. */
const MATCH_SCORE = { exact: 500, prefix: 400, wordPrefix: 300, allWords: 200, substring: 100 };
/** Small tie-breaker: the display name beats a synonym, which beats a brand or lay term. */
const FIELD_BONUS: Record<MatchField, number> = {
  display: 3,
  synonym: 2,
  brand: 1,
  'lay-term': 0,
};

function score(name: IndexedName, query: string, queryWords: readonly string[]): number {
  const { normalized, words } = name;
  let kind: number;
  if (normalized === query) {
    kind = MATCH_SCORE.exact;
  } else if (normalized.startsWith(query)) {
    kind = MATCH_SCORE.prefix;
  } else if (words.some((w) => w.startsWith(query)) || normalized.includes(` ${query}`)) {
    kind = MATCH_SCORE.wordPrefix;
  } else if (queryWords.length > 1 && queryWords.every((q) => words.some((w) => w.startsWith(q)))) {
    kind = MATCH_SCORE.allWords;
  } else if (normalized.includes(query)) {
    kind = MATCH_SCORE.substring;
  } else {
    return 0;
  }
  return kind + FIELD_BONUS[name.field];
}

function indexKb(kb: KnowledgeBase): IndexedName[] {
  const names: IndexedName[] = [];
  const push = (name: Omit<IndexedName, 'normalized' | 'words'>): void => {
    const normalized = normalizeTerm(name.name);
    if (normalized.length > 0) {
      names.push({ ...name, normalized, words: normalized.split(' ') });
    }
  };
  const add = (entry: IndexedName['entry'], field: MatchField, list: readonly string[]): void => {
    for (const name of list) {
      push({ entry, name, field });
    }
  };
  for (const f of kb.findings) {
    const entry = { type: 'finding' as const, id: f.id, display: f.display, code: f.code };
    add(entry, 'display', [f.display]);
    add(entry, 'synonym', f.synonyms);
    add(entry, 'lay-term', f.layTerms);
  }
  for (const c of kb.conditions) {
    const code = { system: CODE_SYSTEMS.icd10cm, code: c.icd10[0] ?? '' };
    const entry = { type: 'condition' as const, id: c.id, display: c.display, code };
    add(entry, 'display', [c.display]);
    add(entry, 'synonym', c.synonyms);
  }
  for (const d of kb.drugs) {
    const code = { system: CODE_SYSTEMS.rxnorm, code: d.rxcui };
    const entry = { type: 'drug' as const, id: d.rxcui, display: d.name, code };
    add(entry, 'display', [d.name]);
    add(entry, 'brand', d.brands);
    for (const synonym of d.synonyms ?? []) {
      push({ entry, name: synonym.name, field: 'synonym', synonymKind: synonym.kind });
    }
  }
  return names;
}

export interface KbSearch {
  search(query: KbSearchQuery): KbSearchHit[];
}

export function createKbSearch(kb: KnowledgeBase): KbSearch {
  const names = indexKb(kb);
  return {
    search({ q, type, limit }) {
      const query = normalizeTerm(q);
      if (query.length === 0) {
        return [];
      }
      const queryWords = query.split(' ');
      const best = new Map<string, { hit: KbSearchHit; score: number; length: number }>();
      for (const name of names) {
        if (type !== undefined && name.entry.type !== (type satisfies KbEntryType)) {
          continue;
        }
        const s = score(name, query, queryWords);
        if (s === 0) {
          continue;
        }
        const key = `${name.entry.type}|${name.entry.id}`;
        const seen = best.get(key);
        const length = name.normalized.length;
        if (!seen || s > seen.score || (s === seen.score && length < seen.length)) {
          best.set(key, {
            hit: {
              ...name.entry,
              matched: name.name,
              field: name.field,
              ...(name.synonymKind ? { synonymKind: name.synonymKind } : {}),
            },
            score: s,
            length,
          });
        }
      }
      return [...best.values()]
        .sort(
          (a, b) =>
            b.score - a.score ||
            a.length - b.length ||
            a.hit.display.localeCompare(b.hit.display) ||
            a.hit.id.localeCompare(b.hit.id),
        )
        .slice(0, limit)
        .map((r) => r.hit);
    },
  };
}
