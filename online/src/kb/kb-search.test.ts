import { loadKnowledgeBase } from '@mediassist/shared/kb';
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

  it('finds a drug by a synonym, naming the ingredient and the kind of name that matched', () => {
    expect(index.search({ q: 'amoxyc', limit: 10 })).toEqual([
      expect.objectContaining({
        id: '723',
        display: 'amoxicillin',
        matched: 'amoxycillin',
        field: 'synonym',
        synonymKind: 'former',
      }),
    ]);
    // A brand or display match carries no synonym kind.
    expect(index.search({ q: 'amoxil', limit: 1 })[0]).not.toHaveProperty('synonymKind');
  });

  it('finds nothing for a query that matches no name', () => {
    expect(ids('zzz')).toEqual([]);
    expect(ids('!!!')).toEqual([]);
  });
});

describe('createKbSearch on the shipped knowledge base', () => {
  const shipped = createKbSearch(loadKnowledgeBase());
  const drugs = (q: string) => shipped.search({ q, type: 'drug', limit: 10 });

  it('finds acetaminophen when the prescriber types paracetamol', () => {
    expect(drugs('paracetamol')[0]).toEqual({
      type: 'drug',
      id: '161',
      display: 'acetaminophen',
      matched: 'paracetamol',
      field: 'synonym',
      synonymKind: 'international',
      code: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '161' },
    });
    expect(drugs('paraceta')[0]).toMatchObject({ id: '161', matched: 'paracetamol' });
    expect(drugs('salbutamol')[0]).toMatchObject({ display: 'albuterol', field: 'synonym' });
  });

  it('returns every ingredient of a compound name', () => {
    const hits = drugs('co-amoxiclav');
    expect(hits.map((h) => h.display).sort()).toEqual(['amoxicillin', 'clavulanate']);
    expect(hits.every((h) => h.synonymKind === 'compound')).toBe(true);
  });
});
