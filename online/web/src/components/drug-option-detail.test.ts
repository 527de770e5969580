import type { KbSearchHit } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { drugOptionDetail } from './drug-option-detail.js';

const hit = (extra: Partial<KbSearchHit>): KbSearchHit => ({
  type: 'drug',
  id: '161',
  display: 'acetaminophen',
  matched: 'acetaminophen',
  field: 'display',
  code: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '161' },
  ...extra,
});

describe('drugOptionDetail', () => {
  it('shows the RxCUI for a match on the ingredient name', () => {
    expect(drugOptionDetail(hit({}))).toBe('RxCUI 161');
  });

  it('shows the brand, international, former or compound name that matched', () => {
    expect(drugOptionDetail(hit({ field: 'brand', matched: 'tylenol' }))).toBe('brand “tylenol”');
    expect(
      drugOptionDetail(
        hit({ field: 'synonym', matched: 'paracetamol', synonymKind: 'international' }),
      ),
    ).toBe('international name “paracetamol”');
    expect(
      drugOptionDetail(hit({ field: 'synonym', matched: 'co-codamol', synonymKind: 'compound' })),
    ).toBe('part of “co-codamol”');
    expect(drugOptionDetail(hit({ field: 'synonym', matched: 'paracetamol' }))).toBe(
      'also called “paracetamol”',
    );
  });
});
