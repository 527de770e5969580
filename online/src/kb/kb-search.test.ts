import { describe, expect, it } from 'vitest';
import { createTestKb } from '../testing/test-kb.js';
import { createKbSearch } from './kb-search.js';

const index = createKbSearch(createTestKb());
const ids = (q: string, extra: { type?: 'finding' | 'condition' | 'drug'; limit?: number } = {}) =>
  index
    .search({ q, limit: extra.limit ?? 10, ...(extra.type ? { type: extra.type } : {}) })
    .map((h) => `${h.id}:${h.field}`);

describe('createKbSearch', () => {
  it('ranks an exact name above prefixes, word prefixes and substrings', () => {
    expect(ids('sob')).toEqual(['dyspnea:synonym']);
    expect(ids('pain')).toEqual(['chest-pain:display']);
    // "pneumonia" starts with "pne" (prefix); "dyspnea" only contains it (substring).
    expect(ids('pne')).toEqual(['community-acquired-pneumonia:synonym', 'dyspnea:synonym']);
  });

  it('prefers a prefix match over a substring match', () => {
    expect(ids('lis')).toEqual(['29046:display']);
    // "amoxicillin" and the brand "amoxil" both start with "amox": the display name wins the tie.
    expect(ids('amox')).toEqual(['723:display']);
    // "ever" is only inside "Fever".
    expect(ids('ever')).toEqual(['fever:display']);
    // The lay term "breathless" starts with "breath"; in "Shortness of breath" it is a later word.
    expect(index.search({ q: 'breath', limit: 1 })[0]).toMatchObject({ matched: 'breathless' });
  });

  it('matches all words of a multi-word query in any order', () => {
    expect(ids('pain chest')).toEqual(['chest-pain:display']);
    expect(ids('blood high')).toEqual(['essential-hypertension:synonym']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(ids('FÉVER')).toEqual(['fever:display']);
    expect(ids('community acquired')).toEqual(['community-acquired-pneumonia:display']);
  });

  it('returns each entry once, with its best-matching name', () => {
    const hits = index.search({ q: 'pyrexia', limit: 10 });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ id: 'fever', matched: 'pyrexia', field: 'synonym' });
  });

  it('finds nothing for a query that matches no name', () => {
    expect(ids('zzz')).toEqual([]);
    expect(ids('!!!')).toEqual([]);
  });
});
