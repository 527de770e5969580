import type { KbSearchResponse, KbVersionResponse } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

async function search(query: string) {
  const t = await createTestApp();
  const res = await t.app.request(`/api/v1/kb/search?${query}`, { headers: t.as('clinician') });
  return { status: res.status, body: (await res.json()) as KbSearchResponse };
}

describe('GET /api/v1/kb/search', () => {
  it('finds by lay term and names what matched', async () => {
    const { status, body } = await search('q=out%20of%20br');
    expect(status).toBe(200);
    expect(body).toEqual({
      kbVersion: '9.8.7',
      results: [
        {
          type: 'finding',
          id: 'dyspnea',
          display: 'Shortness of breath',
          matched: 'out of breath',
          field: 'lay-term',
          code: { system: 'http://snomed.info/sct', code: '267036007' },
        },
      ],
    });
  });

  it('finds a drug by brand and returns its RxNorm ingredient', async () => {
    const { body } = await search('q=Coumadin&type=drug');
    expect(body.results).toEqual([
      expect.objectContaining({
        type: 'drug',
        id: '11289',
        display: 'warfarin',
        field: 'brand',
        code: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '11289' },
      }),
    ]);
  });

  it('finds a drug by its former or international name and says which kind of name matched', async () => {
    const { body } = await search('q=amoxycil&type=drug');
    expect(body.results).toEqual([
      {
        type: 'drug',
        id: '723',
        display: 'amoxicillin',
        matched: 'amoxycillin',
        field: 'synonym',
        synonymKind: 'former',
        code: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '723' },
      },
    ]);
  });

  it('filters by type and honours the limit', async () => {
    const { body } = await search('q=e&limit=2');
    expect(body.results).toHaveLength(2);
    const conditions = await search('q=hypert&type=condition');
    expect(conditions.body.results.map((r) => r.id)).toEqual(['essential-hypertension']);
  });

  it('rejects an empty or overlong query with 400', async () => {
    expect((await search('q=%20%20')).status).toBe(400);
    expect((await search(`q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await search('q=fever&type=lab')).status).toBe(400);
  });
});

describe('GET /api/v1/kb/version', () => {
  it('returns the content version and counts', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/api/v1/kb/version', { headers: t.as('clinician') });
    const body = (await res.json()) as KbVersionResponse;
    expect(body).toMatchObject({ version: '9.8.7', released: '2026-11-01' });
    expect(body.counts).toMatchObject({ conditions: 2, findings: 3, drugs: 3, sources: 3 });
  });
});
