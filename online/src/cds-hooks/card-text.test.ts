import { CDS_SUMMARY_MAX } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { cardSummary, md, percent } from './card-text.js';

describe('card text', () => {
  it('keeps a short summary and cuts a long one at a word under 140 characters', () => {
    expect(cardSummary('  Major   interaction ')).toBe('Major interaction');
    const long = cardSummary(`Due: ${'screening word '.repeat(20)}`);
    expect(long.length).toBeLessThanOrEqual(CDS_SUMMARY_MAX);
    expect(long).toMatch(/ (screening|word)…$/);
  });

  it('escapes Markdown link, emphasis and HTML characters', () => {
    expect(md('a_b *c* [d](e) <f>')).toBe('a\\_b \\*c\\* \\[d\\](e) \\<f\\>');
  });

  it('writes probabilities as whole percentages', () => {
    expect([percent(0.423), percent(0.004), percent(1)]).toEqual(['42%', '<1%', '100%']);
  });
});
