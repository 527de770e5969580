import { describe, expect, it } from 'vitest';
import { featureAge } from './staleness.js';
import { demographics } from './views/demographics.js';
import { days } from './duration.js';

describe('featureAge', () => {
  const nowMs = Date.parse('2026-11-22T12:00:00Z');

  it('is fresh up to and including the view’s maximum staleness', () => {
    const asOfMs = nowMs - days(30);
    expect(featureAge({ view: demographics, asOfMs, nowMs })).toEqual({
      ageMs: days(30),
      stale: false,
    });
  });

  it('is stale one millisecond later', () => {
    const asOfMs = nowMs - days(30) - 1;
    expect(featureAge({ view: demographics, asOfMs, nowMs }).stale).toBe(true);
  });

  it('reports a future as_of (clock skew) as a negative age, not as stale', () => {
    expect(featureAge({ view: demographics, asOfMs: nowMs + 500, nowMs })).toEqual({
      ageMs: -500,
      stale: false,
    });
  });
});
